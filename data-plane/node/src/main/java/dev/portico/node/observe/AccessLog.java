package dev.portico.node.observe;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * One JSON line per request on an output stream (stdout in production), written by a thread of its
 * own: an event loop must never wait for a slow pipe. When the queue is full, lines are dropped and
 * counted ({@code portico_access_log_dropped_total}) rather than slowing the gateway down.
 */
public final class AccessLog implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(AccessLog.class.getName());
    private static final int CAPACITY = 64 * 1024;
    private static final long BATCH_MILLIS = 10;

    private final BlockingQueue<String> queue = new ArrayBlockingQueue<>(CAPACITY);
    private final OutputStream out;
    private final NodeMetrics metrics;
    private final Thread writer;
    private volatile boolean open = true;

    public AccessLog(OutputStream out, NodeMetrics metrics) {
        this.out = new BufferedOutputStream(out, 64 * 1024);
        this.metrics = metrics;
        this.writer = new Thread(this::drain, "portico-access-log");
        writer.setDaemon(true);
        writer.start();
    }

    public void write(String line) {
        if (!queue.offer(line)) {
            metrics.accessLogDropped();
        }
    }

    /**
     * Writes what has queued up every {@link #BATCH_MILLIS}, rather than waking up for each line:
     * an event loop then never has to wake the writer (a system call per line), and the output
     * gets one write per batch instead of a few lines each.
     */
    private void drain() {
        List<String> batch = new ArrayList<>();
        try {
            while (open || !queue.isEmpty()) {
                queue.drainTo(batch);
                for (String line : batch) {
                    writeLine(line);
                }
                if (!batch.isEmpty()) {
                    out.flush();
                    batch.clear();
                }
                Thread.sleep(BATCH_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.ERROR, "access log output failed, no more access-log lines: " + e);
        }
    }

    private void writeLine(String line) throws IOException {
        out.write(line.getBytes(StandardCharsets.UTF_8));
        out.write('\n');
    }

    /** Writes what is queued, then stops. */
    @Override
    public void close() {
        open = false;
        try {
            writer.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
