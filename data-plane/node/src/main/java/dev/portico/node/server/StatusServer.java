package dev.portico.node.server;

import dev.portico.node.observe.NodeMetrics;
import dev.portico.node.snapshot.ActiveSnapshot;
import dev.portico.node.snapshot.CompiledSnapshot;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;

import java.util.function.BooleanSupplier;

/**
 * The status port: {@code /health} (the process answers), {@code /ready} (a snapshot is being
 * served and the node is not draining) and {@code /metrics} (Prometheus text).
 */
public final class StatusServer {

    private static final String JSON = "application/json";
    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final Vertx vertx;
    private final ActiveSnapshot snapshot;
    private final NodeMetrics metrics;
    private final BooleanSupplier draining;
    private HttpServer server;

    public StatusServer(Vertx vertx, ActiveSnapshot snapshot, NodeMetrics metrics, BooleanSupplier draining) {
        this.vertx = vertx;
        this.snapshot = snapshot;
        this.metrics = metrics;
        this.draining = draining;
    }

    public Future<Integer> start(String host, int port) {
        server = vertx.createHttpServer(new HttpServerOptions().setHost(host).setPort(port))
                .requestHandler(this::handle);
        return server.listen().map(HttpServer::actualPort);
    }

    public Future<Void> close() {
        return server == null ? Future.succeededFuture() : server.close();
    }

    private void handle(HttpServerRequest request) {
        if (request.method() != HttpMethod.GET && request.method() != HttpMethod.HEAD) {
            answer(request, 405, JSON, "{\"message\":\"Method Not Allowed\"}");
            return;
        }
        switch (request.path()) {
            case "/health" -> answer(request, 200, JSON, "{\"status\":\"UP\"}");
            case "/ready" -> ready(request);
            case "/metrics" -> vertx.executeBlocking(metrics::scrape, false)
                    .onSuccess(text -> answer(request, 200, PROMETHEUS_TEXT, text))
                    .onFailure(e -> answer(request, 500, JSON, "{\"message\":\"Internal Server Error\"}"));
            default -> answer(request, 404, JSON, "{\"message\":\"Not Found\"}");
        }
    }

    private void ready(HttpServerRequest request) {
        CompiledSnapshot current = snapshot.current();
        if (snapshot.ready() && !draining.getAsBoolean()) {
            answer(request, 200, JSON, "{\"ready\":true,\"revision\":" + current.revision() + "}");
        } else {
            answer(request, 503, JSON, "{\"ready\":false}");
        }
    }

    private static void answer(HttpServerRequest request, int status, String contentType, String body) {
        request.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, contentType).end(body);
    }
}
