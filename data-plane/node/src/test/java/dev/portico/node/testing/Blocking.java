package dev.portico.node.testing;

import io.vertx.core.Future;

import java.util.concurrent.TimeUnit;

/** Waits for a Vert.x future from a test thread. */
public final class Blocking {

    private Blocking() {
    }

    public static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("future did not complete: " + e, e);
        }
    }
}
