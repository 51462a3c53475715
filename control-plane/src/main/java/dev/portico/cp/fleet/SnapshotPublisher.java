package dev.portico.cp.fleet;

import dev.portico.cp.revision.Revisions;
import dev.portico.cp.snapshot.SnapshotSource;
import dev.portico.snapshot.Snapshot;
import dev.portico.snapshot.SnapshotCodec;
import dev.portico.snapshot.fleet.SnapshotPush;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Builds the {@code SnapshotPush} of a revision once — compile and serialize, on one thread — and
 * keeps the latest, so that every node gets the same text and N nodes cost one compilation.
 */
@ApplicationScoped
public class SnapshotPublisher {

    private static final long PREPARE_TIMEOUT_SECONDS = 30;

    private final SnapshotSource snapshots;
    private final Revisions revisions;
    private final FleetThread thread = new FleetThread("portico-snapshot-publisher");
    private volatile PreparedPush latest;

    SnapshotPublisher(SnapshotSource snapshots, Revisions revisions, MeterRegistry metrics) {
        this.snapshots = snapshots;
        this.revisions = revisions;
        Gauge.builder("portico.fleet.pushed.revision", this, p -> p.latest == null ? -1 : p.latest.revision())
                .description("The latest revision built for the nodes").register(metrics);
    }

    /** True when the latest push already covers this revision (nothing to build). */
    boolean covers(long revision) {
        PreparedPush pushed = latest;
        return pushed != null && pushed.revision() >= revision;
    }

    /** The push of this revision or a newer one: the cached one, or built now on the publisher thread. */
    CompletableFuture<PreparedPush> publish(long revision) {
        return thread.supply(() -> covers(revision) ? latest : (latest = prepare()));
    }

    /** For a hello: the push of the committed revision; blocks (a worker thread) while it is built. */
    PreparedPush current() {
        long revision = revisions.current();
        if (covers(revision)) {
            return latest; // only ever replaced by a newer push
        }
        try {
            return publish(revision).get(PREPARE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not build the snapshot of revision " + revision, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while building a snapshot", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("building the snapshot of revision " + revision + " takes too long", e);
        }
    }

    @ActivateRequestContext
    PreparedPush prepare() {
        Snapshot snapshot = snapshots.current();
        return new PreparedPush(snapshot.revision(), SnapshotCodec.write(new SnapshotPush(snapshot)));
    }

    void onShutdown(@Observes ShutdownEvent event) {
        stop();
    }

    /** Lets a snapshot being built finish while the database is still there. */
    @PreDestroy
    void stop() {
        thread.stop();
    }
}
