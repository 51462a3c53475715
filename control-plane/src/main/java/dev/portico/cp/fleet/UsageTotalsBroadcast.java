package dev.portico.cp.fleet;

import dev.portico.cp.usage.NodeBoot;
import dev.portico.cp.usage.QuotaTotals;
import dev.portico.snapshot.fleet.UsageTotals;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Sends nodes the fleet's quota usage ({@code UsageTotals}), on one thread of its own so totals
 * reach each node in the order they were read. After stored reports every connected node gets the
 * new totals, each with the last of its own reports they include; broadcasts are coalesced — at
 * most one is being built, and one more follows when reports arrived meanwhile — so a burst of
 * reports costs one database read, not one per report.
 */
@ApplicationScoped
public class UsageTotalsBroadcast {

    private static final Logger LOG = Logger.getLogger(UsageTotalsBroadcast.class);

    private final QuotaTotals totals;
    private final FleetThread thread = new FleetThread("portico-usage-totals");
    private final AtomicBoolean queued = new AtomicBoolean();

    UsageTotalsBroadcast(QuotaTotals totals) {
        this.totals = totals;
    }

    /** Reports were stored: every session (read when the broadcast runs) gets the new totals. */
    void reportsStored(Collection<FleetSession> sessions) {
        if (queued.compareAndSet(false, true)) {
            submit(() -> {
                queued.set(false);   // reports stored from now on need another broadcast
                broadcast(sessions);
            });
        }
    }

    /**
     * A node said hello: the totals, so it enforces quotas at once after a (re)start. Its boot is
     * unknown until it reports, so they confirm none of its reports ({@code bootId} null).
     */
    void greet(FleetSession session) {
        submit(() -> session.send(new UsageTotals(null, 0, totals.read(List.of()).totals())));
    }

    private void broadcast(Collection<FleetSession> sessions) {
        List<FleetSession> greeted = sessions.stream().filter(FleetSession::isGreeted).toList();
        if (greeted.isEmpty()) {
            return;
        }
        List<NodeBoot> boots = greeted.stream().map(FleetSession::boot).filter(Objects::nonNull).toList();
        QuotaTotals.Reading reading = totals.read(boots);
        for (FleetSession session : greeted) {
            NodeBoot boot = session.boot();
            // A node that has not reported yet gets totals that confirm nothing, like after its hello.
            session.send(boot == null ? new UsageTotals(null, 0, reading.totals())
                    : new UsageTotals(boot.bootId(), reading.lastSeq(boot), reading.totals()));
        }
    }

    private void submit(Runnable task) {
        try {
            thread.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    LOG.errorf(e, "Could not send the fleet's usage totals; nodes get them with the next report");
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.debug("the control plane is stopping; usage totals not sent");
        }
    }

    void onShutdown(@Observes ShutdownEvent event) {
        stop();
    }

    @PreDestroy
    void stop() {
        thread.stop();
    }
}
