package dev.portico.node.testing;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** An output stream that collects lines (the access log in tests). */
public final class CapturedLines extends OutputStream {

    private final ByteArrayOutputStream current = new ByteArrayOutputStream();
    private final List<String> lines = new ArrayList<>();

    @Override
    public synchronized void write(int b) {
        if (b == '\n') {
            lines.add(current.toString(StandardCharsets.UTF_8));
            current.reset();
        } else {
            current.write(b);
        }
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            write(bytes[i]);
        }
    }

    public synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    /** Waits (the access log is written by its own thread) for a line that matches. */
    public String await(Predicate<String> matching, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (String line : lines()) {
                if (matching.test(line)) {
                    return line;
                }
            }
            Thread.sleep(10);
        }
        throw new AssertionError("no access-log line matched within " + timeout + "; lines: " + lines());
    }
}
