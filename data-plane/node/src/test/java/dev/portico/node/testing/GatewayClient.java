package dev.portico.node.testing;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;

import java.util.function.Supplier;

/**
 * Sends requests to a node on loopback with any Host header (e.g. {@code k3x9q2m7ab.localhost}).
 * Every exchange runs on one Vert.x context of its own: used straight from a test thread, the
 * client could see a pooled connection's response before the body handler was in place.
 */
public final class GatewayClient implements AutoCloseable {

    /** A response as the client saw it. */
    public record Reply(int status, MultiMap headers, String body) {
        public String header(String name) {
            return headers.get(name);
        }
    }

    private final HttpClient client;
    private final Context context;
    private final int port;

    public GatewayClient(Vertx vertx, int port) {
        this.context = vertx.getOrCreateContext();
        this.client = vertx.createHttpClient(new HttpClientOptions());
        this.port = port;
    }

    public Reply get(String host, String uri) {
        return send(HttpMethod.GET, host, uri, MultiMap.caseInsensitiveMultiMap(), null);
    }

    public Reply send(HttpMethod method, String host, String uri, MultiMap headers, String body) {
        RequestOptions options = new RequestOptions()
                .setServer(SocketAddress.inetSocketAddress(port, "127.0.0.1"))
                .setHost(host)
                .setPort(port)
                .setMethod(method)
                .setURI(uri)
                .setHeaders(headers);
        return exchange(options, body);
    }

    /** GET on another port of the node (the status port), Host 127.0.0.1. */
    public Reply status(int statusPort, String path) {
        return exchange(new RequestOptions().setHost("127.0.0.1").setPort(statusPort).setURI(path), null);
    }

    /** The body of {@link #status}. */
    public String getStatus(int statusPort, String path) {
        return status(statusPort, path).body();
    }

    private Reply exchange(RequestOptions options, String body) {
        return onContext(() -> client.request(options)
                .compose(request -> body == null ? request.send() : request.send(Buffer.buffer(body)))
                .compose(response -> response.body().map(b -> new Reply(response.statusCode(),
                        MultiMap.caseInsensitiveMultiMap().addAll(response.headers()), b.toString()))));
    }

    private <T> T onContext(Supplier<Future<T>> work) {
        Promise<T> promise = Promise.promise();
        context.runOnContext(v -> work.get().onComplete(promise));
        return Blocking.await(promise.future());
    }

    @Override
    public void close() {
        Blocking.await(client.close());
    }
}
