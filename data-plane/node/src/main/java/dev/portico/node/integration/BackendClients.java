package dev.portico.node.integration;

import io.netty.util.concurrent.FastThreadLocal;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The node's HTTP clients towards backends. Vert.x keeps one pool of keep-alive connections per
 * backend origin inside a client, so a snapshot swap reuses warm connections and a request in
 * flight on the old snapshot keeps its own. Two clients because TLS verification is part of how a
 * connection is made: one verifies, one trusts any certificate (tls.insecureSkipVerify).
 *
 * <p>Each event loop gets clients of its own. A pooled connection lives on the event loop that
 * opened it, and a shared pool hands it to requests of any loop: every such request then hops
 * threads twice (a wake-up each way). Per-loop pools keep a request and its backend connection on
 * one thread.
 */
public final class BackendClients {

    static final int KEEP_ALIVE_SECONDS = 4;

    private final Vertx vertx;
    private final PoolOptions pool;
    private final List<HttpClientAgent> made = new CopyOnWriteArrayList<>();
    private final FastThreadLocal<HttpClientAgent[]> perLoop = new FastThreadLocal<>() {
        @Override
        protected HttpClientAgent[] initialValue() {
            return new HttpClientAgent[] {make(options().setVerifyHost(true)),
                make(options().setTrustAll(true).setVerifyHost(false))};
        }
    };

    /**
     * @param poolSize   connections kept per backend origin, shared out among the event loops
     * @param eventLoops event loops that call backends (the gateway's)
     */
    public BackendClients(Vertx vertx, int poolSize, int eventLoops) {
        this.vertx = vertx;
        this.pool = new PoolOptions().setHttp1MaxSize(Math.max(1, (poolSize + eventLoops - 1) / eventLoops));
    }

    private HttpClientAgent make(HttpClientOptions options) {
        HttpClientAgent client = vertx.createHttpClient(options, pool);
        made.add(client);
        return client;
    }

    /**
     * An idle pooled connection is closed after {@link #KEEP_ALIVE_SECONDS}: shorter than the idle
     * timeouts of common backend servers (Node.js 5 s, Tomcat 20 s, JDK 30 s), so the gateway, not
     * the backend, closes an idle connection, and a request rarely meets a connection being closed.
     */
    private static HttpClientOptions options() {
        return new HttpClientOptions()
                .setKeepAlive(true)
                .setKeepAliveTimeout(KEEP_ALIVE_SECONDS)
                .setTcpNoDelay(true)
                .setDecompressionSupported(false);
    }

    /** The calling event loop's client. */
    HttpClient client(boolean insecureSkipVerify) {
        return perLoop.get()[insecureSkipVerify ? 1 : 0];
    }

    Vertx vertx() {
        return vertx;
    }

    public Future<Void> close() {
        return Future.join(made.stream().map(HttpClientAgent::close).toList()).mapEmpty();
    }
}
