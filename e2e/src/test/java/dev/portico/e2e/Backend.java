package dev.portico.e2e;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

/**
 * A real HTTP backend on a free loopback port. It answers {@code {"backend": name, "path": …}},
 * waits {@code ?delayMs=} first when asked, and remembers what it was sent.
 */
final class Backend implements AutoCloseable {

    /** What reached the backend. */
    record Seen(String method, String uri, Map<String, String> headers) {
    }

    private final Vertx vertx = Vertx.vertx();
    private final ConcurrentLinkedQueue<Seen> seen = new ConcurrentLinkedQueue<>();
    private final HttpServer server;

    private Backend(String name) throws Exception {
        server = vertx.createHttpServer().requestHandler(request -> {
            Map<String, String> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            request.headers().forEach(h -> headers.merge(h.getKey(), h.getValue(), (a, b) -> a + "," + b));
            seen.add(new Seen(request.method().name(), request.uri(), headers));
            String delay = request.getParam("delayMs");
            String body = new JsonObject().put("backend", name).put("path", request.path()).encode();
            Runnable answer = () -> request.response().putHeader("Content-Type", "application/json").end(body);
            if (delay == null) {
                answer.run();
            } else {
                vertx.setTimer(Long.parseLong(delay), id -> answer.run());
            }
        }).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    static Backend start(String name) {
        try {
            return new Backend(name);
        } catch (Exception e) {
            throw new IllegalStateException("backend did not start", e);
        }
    }

    int port() {
        return server.actualPort();
    }

    String url() {
        return "http://127.0.0.1:" + port();
    }

    List<Seen> seen() {
        return List.copyOf(seen);
    }

    @Override
    public void close() {
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("backend did not stop", e);
        }
    }
}
