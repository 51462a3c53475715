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
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;

import java.util.ArrayList;
import java.util.List;
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
        // Enough connections for the concurrent bursts of the throttle and quota tests.
        this.client = vertx.createHttpClient(new HttpClientOptions(), new PoolOptions().setHttp1MaxSize(100));
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

    /** GET with headers. */
    public Reply get(String host, String uri, MultiMap headers) {
        return send(HttpMethod.GET, host, uri, headers, null);
    }

    /** {@code count} GETs sent at once (each on a connection of its own), their replies in sending order. */
    public List<Reply> getAtOnce(int count, String host, String uri, MultiMap headers) {
        return onContext(() -> {
            List<Future<Reply>> replies = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                RequestOptions options = new RequestOptions()
                        .setServer(SocketAddress.inetSocketAddress(port, "127.0.0.1"))
                        .setHost(host).setPort(port).setMethod(HttpMethod.GET).setURI(uri).setHeaders(headers);
                replies.add(reply(options, null));
            }
            return Future.all(replies).map(all -> replies.stream().map(Future::result).toList());
        });
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
        return onContext(() -> reply(options, body));
    }

    private Future<Reply> reply(RequestOptions options, String body) {
        return client.request(options)
                .compose(request -> body == null ? request.send() : request.send(Buffer.buffer(body)))
                .compose(response -> response.body().map(b -> new Reply(response.statusCode(),
                        MultiMap.caseInsensitiveMultiMap().addAll(response.headers()), b.toString())));
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
