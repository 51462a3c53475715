package dev.portico.e2e;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A custom authorizer on a loopback port: it allows callers whose identity (the Authorization header)
 * starts with {@code allow-}, denies the others, and counts the events it receives.
 */
final class Gatekeeper implements AutoCloseable {

    private final Vertx vertx = Vertx.vertx();
    private final HttpServer server;
    private final AtomicInteger calls = new AtomicInteger();
    private volatile JsonObject lastEvent;

    private Gatekeeper() throws Exception {
        server = vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
            calls.incrementAndGet();
            JsonObject event = body.toJsonObject();
            lastEvent = event;
            String identity = event.getJsonArray("identitySource").getString(0);
            JsonObject answer = new JsonObject().put("isAuthorized", identity.startsWith("allow-"))
                    .put("context", new JsonObject().put("user", identity.substring(identity.indexOf('-') + 1)));
            request.response().putHeader("Content-Type", "application/json").end(answer.encode());
        })).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    static Gatekeeper start() {
        try {
            return new Gatekeeper();
        } catch (Exception e) {
            throw new IllegalStateException("authorizer did not start", e);
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.actualPort() + "/authorize";
    }

    int calls() {
        return calls.get();
    }

    JsonObject lastEvent() {
        return lastEvent;
    }

    /** Stops listening: the next call finds nobody there. */
    @Override
    public void close() {
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("authorizer did not stop", e);
        }
    }
}
