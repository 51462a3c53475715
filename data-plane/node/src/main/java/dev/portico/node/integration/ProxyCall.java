package dev.portico.node.integration;

import dev.portico.node.pipeline.Exchange;
import dev.portico.node.pipeline.GatewayError;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.RequestOptions;

import java.util.Set;

/**
 * One request proxied to a backend, streamed both ways with back-pressure. Everything happens on
 * the request's event loop; {@link #state} makes sure exactly one outcome wins among the backend's
 * answer, a failure, the timeout and the client leaving.
 */
final class ProxyCall {

    private static final System.Logger LOG = System.getLogger(ProxyCall.class.getName());

    private static final Set<HttpMethod> IDEMPOTENT = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS,
            HttpMethod.PUT, HttpMethod.DELETE);

    private enum State { WAITING, RELAYING, DONE }

    private final ProxyTarget target;
    private final Exchange exchange;
    private final HttpServerRequest request;
    /** Read from the request's headers once, not again on a retry. */
    private final boolean chunkedUpload;
    private State state = State.WAITING;
    private RequestOptions options;
    private HttpClientRequest backendRequest;
    private long timer = -1;
    private long bodyBytes;
    private boolean requestEnded;
    private boolean retried;

    ProxyCall(ProxyTarget target, Exchange exchange) {
        this.target = target;
        this.exchange = exchange;
        this.request = exchange.request();
        this.chunkedUpload = request.headers().contains(HttpHeaders.TRANSFER_ENCODING);
    }

    void start() {
        String uri = target.requestTarget(exchange);
        if (uri == null) {
            exchange.reject(GatewayError.MALFORMED_PATH);
            return;
        }
        exchange.integrationStarted();
        request.pause();
        BackendOrigin origin = target.origin();
        options = new RequestOptions()
                .setMethod(target.method(request.method()))
                .setHost(origin.host())
                .setPort(origin.port())
                .setSsl(origin.ssl())
                .setURI(uri)
                .setHeaders(target.headers(exchange));
        timer = target.vertx().setTimer(target.timeoutMillis(), t -> fail(GatewayError.INTEGRATION_TIMEOUT, null));
        exchange.onClientClosed(this::clientGone);
        connect();
    }

    private void connect() {
        target.client().request(options).onComplete(ar -> {
            if (ar.succeeded()) {
                send(ar.result());
            } else {
                fail(GatewayError.INTEGRATION_UNREACHABLE, ar.cause());
            }
        });
    }

    private void send(HttpClientRequest backend) {
        if (state != State.WAITING) {
            abort(backend);
            return;
        }
        backendRequest = backend;
        backend.exceptionHandler(e -> failed(backend, e));
        backend.response().onComplete(ar -> {
            if (ar.succeeded() && backend == backendRequest) {
                relay(ar.result());
            } else if (ar.failed()) {
                failed(backend, ar.cause());
            }
        });
        Buffer buffered = exchange.bufferedBody();
        if (buffered != null) {
            // Read (and checked) before the integration: sent whole, with its length.
            requestEnded = true;
            bodyBytes = buffered.length();
            backend.headers().remove(HttpHeaders.EXPECT);
            backend.end(buffered);
            return;
        }
        if (chunkedUpload) {
            backend.setChunked(true);
        }
        if (requestEnded) {
            backend.end();
            return;
        }
        if (request.headers().contains(HttpHeaders.EXPECT, HttpHeaders.CONTINUE, true)) {
            exchange.response().writeContinue();
        }
        request.handler(this::forward);
        request.endHandler(v -> {
            requestEnded = true;
            if (state != State.DONE) {
                backendRequest.end();
            }
        });
        request.resume();
    }

    /**
     * The backend failed before its response head. A pooled connection the backend closed just as
     * the request went out looks exactly like this, so a request without a body and with an
     * idempotent method is sent once more, on another connection; anything else is a 502.
     */
    private void failed(HttpClientRequest backend, Throwable cause) {
        if (backend != backendRequest || state != State.WAITING) {
            return;
        }
        if (!retried && bodyBytes == 0 && !hasBody() && IDEMPOTENT.contains(options.getMethod())) {
            retried = true;
            backendRequest = null;
            LOG.log(System.Logger.Level.DEBUG, "retrying " + exchange.requestId() + " after " + cause);
            connect();
            return;
        }
        fail(GatewayError.INTEGRATION_FAILED, cause);
    }

    /** Only asked after a failure, so the common path never reads Content-Length. */
    private boolean hasBody() {
        String length = request.headers().get(HttpHeaders.CONTENT_LENGTH);
        return chunkedUpload || (length != null && !"0".equals(length.trim()));
    }

    private void forward(Buffer chunk) {
        if (state == State.DONE) {
            return;
        }
        bodyBytes += chunk.length();
        if (bodyBytes > exchange.limits().maxBodyBytes()) {
            state = State.DONE;
            cancelTimer();
            abort(backendRequest);
            exchange.reject(GatewayError.BODY_TOO_LARGE);
            return;
        }
        backendRequest.write(chunk);
        if (backendRequest.writeQueueFull()) {
            request.pause();
            backendRequest.drainHandler(v -> request.resume());
        }
    }

    private void relay(HttpClientResponse backendResponse) {
        if (state != State.WAITING) {
            return;
        }
        state = State.RELAYING;
        cancelTimer();
        exchange.integrationEnded();
        HttpServerResponse response = exchange.response();
        HopByHop.copyEndToEnd(backendResponse.headers(), response.headers(), Set.of());
        ResponseMapping mapping = target.responseMapping();
        int status = backendResponse.statusCode();
        if (mapping.readsBody(status)) {
            relayBuffered(backendResponse, mapping);
            return;
        }
        writeStatus(mapping.apply(exchange, status, response.headers(), null), backendResponse);
        if (mayHaveBody(response.getStatusCode()) && !response.headers().contains(HttpHeaders.CONTENT_LENGTH)
                && request.version() != HttpVersion.HTTP_1_0) {
            response.setChunked(true);
        }
        backendResponse.exceptionHandler(this::brokenWhileRelaying);
        backendResponse.handler(chunk -> {
            if (state == State.RELAYING) {
                response.write(chunk);
                if (response.writeQueueFull()) {
                    backendResponse.pause();
                    response.drainHandler(v -> backendResponse.resume());
                }
            }
        });
        backendResponse.endHandler(v -> {
            if (state == State.RELAYING) {
                state = State.DONE;
                response.end();
                finishUpload();
            }
        });
    }

    /** The backend's reason phrase goes with its own status only: a mapped status gets the standard one. */
    private void writeStatus(int status, HttpClientResponse backendResponse) {
        HttpServerResponse response = exchange.response().setStatusCode(status);
        if (status == backendResponse.statusCode()) {
            response.setStatusMessage(backendResponse.statusMessage());
        }
    }

    /**
     * A response mapping reads the body ({@code $response.body.…}): the whole body is collected (up to
     * the body limit; a larger one is a 502, as the head has not gone out yet), then mapped and sent.
     */
    private void relayBuffered(HttpClientResponse backendResponse, ResponseMapping mapping) {
        Buffer body = Buffer.buffer();
        backendResponse.exceptionHandler(e -> {
            if (state == State.RELAYING) {
                failBuffered("broke off");
            }
        });
        backendResponse.handler(chunk -> {
            if (state != State.RELAYING) {
                return;
            }
            if (body.length() + chunk.length() > exchange.limits().maxBodyBytes()) {
                failBuffered("is too large to map");
                return;
            }
            body.appendBuffer(chunk);
        });
        backendResponse.endHandler(v -> {
            if (state != State.RELAYING) {
                return;
            }
            state = State.DONE;
            HttpServerResponse response = exchange.response();
            writeStatus(mapping.apply(exchange, backendResponse.statusCode(), response.headers(), body), backendResponse);
            response.end(body);
            finishUpload();
        });
    }

    /** Nothing of the backend's response went out yet: the client gets a clean 502 without its headers. */
    private void failBuffered(String why) {
        state = State.DONE;
        LOG.log(System.Logger.Level.DEBUG, "response of " + exchange.requestId() + " " + why);
        abort(backendRequest);
        exchange.response().headers().clear();
        exchange.reject(GatewayError.INTEGRATION_FAILED);
    }

    private void finishUpload() {
        if (!requestEnded) {
            // The backend answered before the upload finished: it wants no more of it.
            abort(backendRequest);
            exchange.discardRequestBody();
        }
    }

    private boolean mayHaveBody(int status) {
        return request.method() != HttpMethod.HEAD && status != 204 && status != 304 && status >= 200;
    }

    /** The backend broke off after the head went out: all that can be passed on is a cut connection. */
    private void brokenWhileRelaying(Throwable cause) {
        if (state != State.RELAYING) {
            return;
        }
        state = State.DONE;
        LOG.log(System.Logger.Level.DEBUG, "backend broke off response " + exchange.requestId() + ": " + cause);
        exchange.fail(GatewayError.INTEGRATION_RESPONSE_BROKEN);
        exchange.response().reset();
    }

    private void fail(GatewayError reason, Throwable cause) {
        if (state != State.WAITING) {
            return;
        }
        state = State.DONE;
        cancelTimer();
        exchange.integrationEnded();
        abort(backendRequest);
        LOG.log(System.Logger.Level.DEBUG, reason + " for " + exchange.requestId() + (cause == null ? "" : ": " + cause));
        exchange.reject(reason);
    }

    /** The client left: stop waiting for, or relaying, the backend's answer. */
    private void clientGone() {
        if (state != State.DONE) {
            state = State.DONE;
            cancelTimer();
            abort(backendRequest);
        }
    }

    /**
     * Resets a backend (or function) request the gateway gives up on; one that already failed or
     * finished is left alone.
     */
    static void abort(HttpClientRequest backend) {
        if (backend == null) {
            return;
        }
        try {
            backend.exceptionHandler(e -> { });
            backend.reset();
        } catch (IllegalStateException alreadyComplete) {
            // nothing left to reset
        }
    }

    private void cancelTimer() {
        if (timer >= 0) {
            target.vertx().cancelTimer(timer);
            timer = -1;
        }
    }
}
