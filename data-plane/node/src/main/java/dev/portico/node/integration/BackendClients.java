package dev.portico.node.integration;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;

/**
 * The node's HTTP clients towards backends, made once per node. Vert.x keeps one pool of keep-alive
 * connections per backend origin inside a client, so a snapshot swap reuses warm connections and a
 * request in flight on the old snapshot keeps its own. Two clients because TLS verification is part
 * of how a connection is made: one verifies, one trusts any certificate (tls.insecureSkipVerify).
 */
public final class BackendClients {

    static final int KEEP_ALIVE_SECONDS = 4;

    private final Vertx vertx;
    private final HttpClientAgent verifying;
    private final HttpClientAgent trustingAll;

    /** @param poolSize connections kept per backend origin (and event loop group) */
    public BackendClients(Vertx vertx, int poolSize) {
        this.vertx = vertx;
        PoolOptions pool = new PoolOptions().setHttp1MaxSize(poolSize);
        this.verifying = vertx.createHttpClient(options().setVerifyHost(true), pool);
        this.trustingAll = vertx.createHttpClient(options().setTrustAll(true).setVerifyHost(false), pool);
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

    HttpClient client(boolean insecureSkipVerify) {
        return insecureSkipVerify ? trustingAll : verifying;
    }

    Vertx vertx() {
        return vertx;
    }

    public Future<Void> close() {
        return Future.join(verifying.close(), trustingAll.close()).mapEmpty();
    }
}
