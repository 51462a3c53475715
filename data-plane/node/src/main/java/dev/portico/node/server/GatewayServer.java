package dev.portico.node.server;

import dev.portico.node.pipeline.Exchange;
import dev.portico.node.pipeline.GatewayLimits;
import dev.portico.node.pipeline.Pipeline;
import dev.portico.node.snapshot.ActiveSnapshot;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * The gateway's HTTP server: one instance per event loop, all on one port (Vert.x spreads the
 * connections over them). Every request, valid or not, enters the same pipeline, so the gateway's
 * own answers (431, 414, 400 included) look alike and are all logged and counted.
 */
public final class GatewayServer {

    private final Vertx vertx;
    private final ActiveSnapshot snapshot;
    private final Pipeline pipeline;
    private final GatewayLimits limits;
    private final List<HttpServer> servers = new CopyOnWriteArrayList<>();

    public GatewayServer(Vertx vertx, ActiveSnapshot snapshot, Pipeline pipeline, GatewayLimits limits) {
        this.vertx = vertx;
        this.snapshot = snapshot;
        this.pipeline = pipeline;
        this.limits = limits;
    }

    /** Starts {@code instances} servers; the future gives the port they listen on. */
    public Future<Integer> start(String host, int port, int instances) {
        // Port 0 would give every instance a port of its own; Vert.x shares one random port among
        // the servers of one Vert.x instance that ask for the same negative port.
        int shared = port == 0 ? -1 : port;
        return vertx.deployVerticle(() -> new Listener(host, shared), new DeploymentOptions().setInstances(instances))
                .map(id -> servers.get(0).actualPort());
    }

    /** Stops accepting, lets requests in flight finish for up to {@code grace}, then closes. */
    public Future<Void> shutdown(Duration grace) {
        return Future.join(servers.stream().map(s -> s.shutdown(grace.toMillis(), TimeUnit.MILLISECONDS)).toList())
                .mapEmpty();
    }

    HttpServerOptions options(String host, int port) {
        return new HttpServerOptions()
                .setHost(host)
                .setPort(port)
                .setMaxInitialLineLength(limits.maxInitialLineBytes())
                .setMaxHeaderSize(limits.maxHeaderBytes())
                .setIdleTimeout((int) limits.idleTimeout().toMillis())
                .setIdleTimeoutUnit(TimeUnit.MILLISECONDS)
                .setHandle100ContinueAutomatically(false)
                .setCompressionSupported(false)
                // HTTP/1.1 only: the h2c sniffer would build the HTTP/1 pipeline only after the
                // first bytes arrived, too late to put the strict decoder in place.
                .setHttp2ClearTextEnabled(false)
                // Every step reads and writes an exchange on its request's event loop (authorizer
                // answers come back to it with runOnContext), so Vert.x may skip its cross-thread
                // hand-off of response writes.
                .setStrictThreadMode(true)
                .setTcpNoDelay(true);
    }

    private void handle(HttpServerRequest request) {
        // Paused until a step decides what to do with the body: later steps may be asynchronous.
        request.pause();
        String requestId = RequestIds.acceptOrGenerate(request.headers().get(Exchange.REQUEST_ID_HEADER));
        pipeline.start(new Exchange(request, snapshot.current(), requestId, limits));
    }

    /** One server on one event loop. */
    private final class Listener extends VerticleBase {
        private final String host;
        private final int port;

        Listener(String host, int port) {
            this.host = host;
            this.port = port;
        }

        @Override
        public Future<?> start() {
            HttpServerOptions options = options(host, port);
            HttpServer server = vertx.createHttpServer(options)
                    .connectionHandler(connection -> StrictRequestDecoder.install(connection, options))
                    .requestHandler(GatewayServer.this::handle)
                    .invalidRequestHandler(GatewayServer.this::handle);
            return server.listen().onSuccess(servers::add);
        }
    }
}
