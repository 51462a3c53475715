package dev.portico.e2e;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

/**
 * A function on a free loopback port, at the Lambda Invoke path: it keeps every event it is sent and
 * answers with a result of the event's payload version that echoes what it saw (status 201, a header
 * and, for 2.0, a cookie), as a function behind Amazon API Gateway would.
 */
final class EchoFunction implements AutoCloseable {

    private final Vertx vertx = Vertx.vertx();
    private final ConcurrentLinkedQueue<JsonObject> events = new ConcurrentLinkedQueue<>();
    private final HttpServer server;

    private EchoFunction() throws Exception {
        server = vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
            JsonObject event = body.toJsonObject();
            events.add(event);
            JsonObject seen = new JsonObject().put("invoked", request.path())
                    .put("method", event.getString("httpMethod", method(event)))
                    .put("body", event.getString("body"));
            JsonObject result = new JsonObject().put("statusCode", 201)
                    .put("headers", new JsonObject().put("Content-Type", "application/json").put("X-Function", "echo"))
                    .put("body", seen.encode());
            if ("2.0".equals(event.getString("version"))) {
                result.put("cookies", JsonArray.of("flavour=echo; Path=/"));
            }
            request.response().putHeader("Content-Type", "application/json").end(result.encode());
        })).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private static String method(JsonObject event) {
        JsonObject http = event.getJsonObject("requestContext", new JsonObject()).getJsonObject("http");
        return http == null ? null : http.getString("method");
    }

    static EchoFunction start() {
        try {
            return new EchoFunction();
        } catch (Exception e) {
            throw new IllegalStateException("function did not start", e);
        }
    }

    /** The invoke URL of function {@code name}. */
    String invokeUrl(String name) {
        return "http://127.0.0.1:" + server.actualPort() + "/2015-03-31/functions/" + name + "/invocations";
    }

    /** The events received so far, oldest first. */
    List<JsonObject> events() {
        return List.copyOf(events);
    }

    @Override
    public void close() {
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("function did not stop", e);
        }
    }
}
