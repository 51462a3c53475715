package dev.portico.node.pipeline;

/**
 * One stage of request handling, shaped like vertx-http-proxy's {@code ProxyInterceptor}: the
 * pipeline calls {@link #onRequest} in list order; a step either continues with
 * {@link Exchange#proceed()} or answers (for instance {@link Exchange#reject}) and so ends the walk.
 * When the exchange is over (response sent, or the client gone) the pipeline calls
 * {@link #onResponse} in reverse order on every step whose {@code onRequest} ran.
 *
 * <p>Steps are built once per node and shared by every request and event loop: they hold no
 * per-request state (that lives in the {@link Exchange}) and must never block.
 */
public interface Step {

    void onRequest(Exchange exchange);

    default void onResponse(Exchange exchange) {
    }
}
