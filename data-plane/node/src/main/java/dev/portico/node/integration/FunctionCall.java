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
import io.vertx.core.http.RequestOptions;

/**
 * One request answered by a function: the client's body is read whole (a function takes one
 * event), the event is POSTed to the invoke endpoint, and the result, read whole too, becomes the
 * answer. Everything runs on the request's event loop; {@link #state} makes sure exactly one
 * outcome wins among the result, a failure, the timeout and the client leaving.
 */
final class FunctionCall {

    private static final System.Logger LOG = System.getLogger(FunctionCall.class.getName());
    /** Set by the Lambda Invoke API (and the runtime interface emulator) when the function failed. */
    static final String FUNCTION_ERROR_HEADER = "X-Amz-Function-Error";
    private static final CharSequence JSON = HttpHeaders.createOptimized("application/json");

    private enum State { READING_BODY, INVOKING, DONE }

    private final FunctionTarget target;
    private final Exchange exchange;
    private final HttpServerRequest request;
    private State state = State.READING_BODY;
    private HttpClientRequest invocation;
    private long timer = -1;

    FunctionCall(FunctionTarget target, Exchange exchange) {
        this.target = target;
        this.exchange = exchange;
        this.request = exchange.request();
    }

    void start() {
        exchange.onClientClosed(this::clientGone);
        Buffer validated = exchange.bufferedBody();
        if (validated != null) {
            // request validation already read the whole body
            invoke(validated);
            return;
        }
        if (request.isEnded()) {
            invoke(Buffer.buffer());
            return;
        }
        Buffer body = Buffer.buffer();
        long max = exchange.limits().maxBodyBytes();
        request.handler(chunk -> {
            if (state != State.READING_BODY) {
                return;
            }
            if (body.length() + (long) chunk.length() > max) {
                state = State.DONE;
                exchange.reject(GatewayError.BODY_TOO_LARGE);
                return;
            }
            body.appendBuffer(chunk);
        });
        request.endHandler(v -> {
            if (state == State.READING_BODY) {
                invoke(body);
            }
        });
        if (request.headers().contains(HttpHeaders.EXPECT, HttpHeaders.CONTINUE, true)) {
            exchange.response().writeContinue();
        }
        request.resume();
    }

    private void invoke(Buffer body) {
        state = State.INVOKING;
        Buffer event;
        try {
            event = target.format().event(target.route(), FunctionRequest.of(exchange, body));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "could not write the function event for " + exchange.requestId(), e);
            state = State.DONE;
            exchange.reject(GatewayError.INTERNAL_ERROR);
            return;
        }
        exchange.integrationStarted();
        timer = target.vertx().setTimer(target.timeoutMillis(), t -> fail(GatewayError.INTEGRATION_TIMEOUT, null));
        BackendOrigin origin = target.origin();
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setHost(origin.host())
                .setPort(origin.port())
                .setSsl(origin.ssl())
                .setURI(target.invokePath())
                .putHeader(HttpHeaders.CONTENT_TYPE, JSON)
                .putHeader(Exchange.REQUEST_ID_HEADER, exchange.requestId());
        target.client().request(options).onComplete(ar -> {
            if (ar.succeeded()) {
                send(ar.result(), event);
            } else {
                fail(GatewayError.INTEGRATION_UNREACHABLE, ar.cause());
            }
        });
    }

    private void send(HttpClientRequest call, Buffer event) {
        if (state != State.INVOKING) {
            ProxyCall.abort(call);
            return;
        }
        invocation = call;
        call.exceptionHandler(e -> fail(GatewayError.INTEGRATION_FAILED, e));
        call.response().onComplete(ar -> {
            if (ar.succeeded()) {
                read(ar.result());
            } else {
                fail(GatewayError.INTEGRATION_FAILED, ar.cause());
            }
        });
        call.end(event);
    }

    /** An error header, a non-2xx status or a declared length over the limit fail at once; else the result is read whole. */
    private void read(HttpClientResponse response) {
        if (state != State.INVOKING) {
            return;
        }
        if (response.headers().contains(FUNCTION_ERROR_HEADER) || response.statusCode() / 100 != 2
                || declaredLength(response) > FunctionTarget.MAX_RESULT_BYTES) {
            fail(GatewayError.FUNCTION_ERROR, null);
            return;
        }
        Buffer result = Buffer.buffer();
        response.exceptionHandler(e -> fail(GatewayError.INTEGRATION_FAILED, e));
        response.handler(chunk -> {
            if (result.length() + chunk.length() > FunctionTarget.MAX_RESULT_BYTES) {
                fail(GatewayError.FUNCTION_ERROR, null);
            } else if (state == State.INVOKING) {
                result.appendBuffer(chunk);
            }
        });
        response.endHandler(v -> answer(result));
    }

    private static long declaredLength(HttpClientResponse response) {
        String length = response.getHeader(HttpHeaders.CONTENT_LENGTH);
        try {
            return length == null ? -1 : Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private void answer(Buffer answer) {
        if (state != State.INVOKING) {
            return;
        }
        state = State.DONE;
        cancelTimer();
        exchange.integrationEnded();
        FunctionResult result;
        try {
            result = target.format().result(answer);
        } catch (FunctionFailure failure) {
            LOG.log(System.Logger.Level.DEBUG, failure.reason() + " for " + exchange.requestId() + ": " + failure.getMessage());
            exchange.reject(failure.reason());
            return;
        }
        HttpServerResponse response = exchange.response();
        response.headers().addAll(result.headers());
        ResponseMapping mapping = target.responseMapping();
        int status = mapping.apply(exchange, result.statusCode(), response.headers(),
                mapping.readsBody(result.statusCode()) ? result.body() : null);
        response.setStatusCode(status).end(result.body());
    }

    private void fail(GatewayError reason, Throwable cause) {
        if (state != State.INVOKING) {
            return;
        }
        state = State.DONE;
        cancelTimer();
        exchange.integrationEnded();
        ProxyCall.abort(invocation);
        LOG.log(System.Logger.Level.DEBUG, reason + " for " + exchange.requestId() + (cause == null ? "" : ": " + cause));
        exchange.reject(reason);
    }

    /** The client left: stop reading its body or waiting for the function. */
    private void clientGone() {
        if (state != State.DONE) {
            state = State.DONE;
            cancelTimer();
            ProxyCall.abort(invocation);
        }
    }

    private void cancelTimer() {
        if (timer >= 0) {
            target.vertx().cancelTimer(timer);
            timer = -1;
        }
    }
}
