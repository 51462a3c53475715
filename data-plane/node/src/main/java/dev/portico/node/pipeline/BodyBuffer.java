package dev.portico.node.pipeline;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;

import java.util.function.Consumer;

/**
 * Reads a whole request body into memory, up to the body limit, for a step that must see it before
 * the integration is called. Only routes that need it pay for it: every other body is streamed.
 */
final class BodyBuffer {

    private BodyBuffer() {
    }

    /**
     * Calls {@code whenRead} with the body once the request has ended, or {@code whenTooLarge} (and
     * reads no more) as soon as it passes {@code exchange.limits().maxBodyBytes()}. Neither is called
     * when the client leaves half-way.
     */
    static void read(Exchange exchange, Consumer<Buffer> whenRead, Runnable whenTooLarge) {
        HttpServerRequest request = exchange.request();
        if (request.isEnded()) {
            whenRead.accept(Buffer.buffer(0));
            return;
        }
        long max = exchange.limits().maxBodyBytes();
        Buffer body = Buffer.buffer();
        boolean[] over = {false};
        request.handler(chunk -> {
            if (over[0]) {
                return;
            }
            if (body.length() + (long) chunk.length() > max) {
                over[0] = true;
                whenTooLarge.run();
                return;
            }
            body.appendBuffer(chunk);
        });
        request.endHandler(v -> {
            if (!over[0]) {
                whenRead.accept(body);
            }
        });
        if (request.headers().contains(HttpHeaders.EXPECT, HttpHeaders.CONTINUE, true)) {
            // The node answers 100-continue itself (not automatically), once it wants the body.
            exchange.response().writeContinue();
        }
        request.resume();
    }
}
