package dev.portico.node.testing;

import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A real HTTP backend on a free loopback port that remembers what it received. */
public final class TestBackend implements AutoCloseable {

    /** One request as the backend saw it. */
    public record Received(String method, String uri, MultiMap headers, String body) {
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    private TestBackend(HttpServer server) {
        this.server = server;
    }

    /** Starts a backend; {@code answer} responds after the body has been read (and recorded). */
    public static TestBackend start(Vertx vertx, Handler<HttpServerRequest> answer) {
        TestBackend[] self = new TestBackend[1];
        HttpServer server = vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
            self[0].received.add(new Received(request.method().name(), request.uri(),
                    MultiMap.caseInsensitiveMultiMap().addAll(request.headers()), body.toString()));
            answer.handle(request);
        }));
        self[0] = new TestBackend(server);
        Blocking.await(server.listen(0, "127.0.0.1"));
        return self[0];
    }

    /** A backend that answers 200 "ok from backend". */
    public static TestBackend ok(Vertx vertx) {
        return start(vertx, request -> request.response().putHeader("Content-Type", "text/plain").end("ok from backend"));
    }

    public int port() {
        return server.actualPort();
    }

    public String url() {
        return "http://127.0.0.1:" + port();
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public Received last() {
        if (received.isEmpty()) {
            throw new AssertionError("the backend received nothing");
        }
        return received.get(received.size() - 1);
    }

    @Override
    public void close() {
        Blocking.await(server.close());
    }
}
