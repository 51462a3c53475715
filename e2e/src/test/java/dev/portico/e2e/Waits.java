package dev.portico.e2e;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polling until a condition holds, for things that happen asynchronously across processes. */
final class Waits {

    private Waits() {
    }

    /** Polls every 5 ms; returns the milliseconds it took, or fails after {@code limit}. */
    static long until(Duration limit, String what, BooleanSupplier condition) {
        long start = System.nanoTime();
        long deadline = start + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return (System.nanoTime() - start) / 1_000_000;
            }
            sleep(5);
        }
        throw new AssertionError("timed out after " + limit.toMillis() + " ms waiting for: " + what);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
