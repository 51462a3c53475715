package dev.portico.cp.revision;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.time.Duration;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.List;

/** Records every {@link RevisionCommitted} the listener fires, for tests to wait on. */
@ApplicationScoped
public class RevisionEvents {

    private final List<Long> heard = new CopyOnWriteArrayList<>();

    void record(@Observes RevisionCommitted committed) {
        heard.add(committed.revision());
    }

    /** True as soon as the listener fired this revision, false after the timeout. */
    public boolean awaitHeard(long revision, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (heard.contains(revision)) {
                return true;
            }
            Thread.sleep(10);
        }
        return heard.contains(revision);
    }

    public boolean heard(long revision) {
        return heard.contains(revision);
    }
}
