package dev.portico.node.authorize;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;

import java.util.concurrent.TimeUnit;

/**
 * The node's non-blocking HTTP client towards issuers (discovery, JWKS) and custom authorizers. Every
 * call has a time limit on the whole exchange, and answers larger than {@link #MAX_BODY_BYTES} fail.
 */
public final class AuthorizerClient {

    /** An HTTP answer, read in full. */
    public record Answer(int status, MultiMap headers, Buffer body) {
        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    static final int MAX_BODY_BYTES = 1024 * 1024;
    private static final CharSequence JSON = HttpHeaders.createOptimized("application/json");

    private final HttpClientAgent client;

    public AuthorizerClient(Vertx vertx) {
        this.client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setKeepAliveTimeout(4)
                .setVerifyHost(true).setTcpNoDelay(true), new PoolOptions().setHttp1MaxSize(16));
    }

    public Future<Answer> get(String uri, long timeoutMillis) {
        return send(options(HttpMethod.GET, uri, timeoutMillis).addHeader(HttpHeaders.ACCEPT, JSON), null, timeoutMillis);
    }

    public Future<Answer> post(String uri, Buffer json, long timeoutMillis) {
        return send(options(HttpMethod.POST, uri, timeoutMillis).addHeader(HttpHeaders.CONTENT_TYPE, JSON),
                json, timeoutMillis);
    }

    private static RequestOptions options(HttpMethod method, String uri, long timeoutMillis) {
        return new RequestOptions().setMethod(method).setAbsoluteURI(uri)
                .setConnectTimeout(timeoutMillis).setIdleTimeout(timeoutMillis);
    }

    private Future<Answer> send(RequestOptions options, Buffer body, long timeoutMillis) {
        return client.request(options)
                .compose(request -> body == null ? request.send() : request.send(body))
                .compose(response -> {
                    String length = response.getHeader(HttpHeaders.CONTENT_LENGTH);
                    if (length != null && tooLong(length)) {
                        response.request().reset();
                        return Future.failedFuture("answer of " + length + " bytes is too large");
                    }
                    return response.body().map(b -> new Answer(response.statusCode(), response.headers(), b));
                })
                .timeout(timeoutMillis, TimeUnit.MILLISECONDS);
    }

    private static boolean tooLong(String length) {
        try {
            return Long.parseLong(length.strip()) > MAX_BODY_BYTES;
        } catch (NumberFormatException e) {
            return true;
        }
    }

    public Future<Void> close() {
        return client.close();
    }
}
