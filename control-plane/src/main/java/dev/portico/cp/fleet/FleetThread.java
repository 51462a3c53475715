package dev.portico.cp.fleet;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * One named daemon thread that runs fleet work in the order it was handed in, off the event loops;
 * stopping lets the task under way finish while the database is still there.
 */
final class FleetThread {

    private static final long STOP_WAIT_SECONDS = 5;

    private final ExecutorService executor;

    FleetThread(String name) {
        this.executor = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Throws {@link java.util.concurrent.RejectedExecutionException} once stopped. */
    void execute(Runnable task) {
        executor.execute(task);
    }

    <T> CompletableFuture<T> supply(Supplier<T> task) {
        return CompletableFuture.supplyAsync(task, executor);
    }

    void stop() {
        executor.shutdown();
        try {
            executor.awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
