package dev.portico.node.usage;

import dev.portico.snapshot.fleet.FleetMessage;
import dev.portico.snapshot.fleet.UsageReport;
import dev.portico.snapshot.fleet.UsageTotals;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Sends the ledger's reports over the fleet channel: first every unconfirmed one again after a
 * (re)connect, then a new one every second when anything was counted, and at once when a key gets
 * near its quota. Runs on the fleet channel's context; only {@link #reportSoon()} is called from
 * other threads (event loops serving requests), and it just schedules a report there.
 */
public final class UsageReporter {

    private final Vertx vertx;
    private final UsageLedger ledger;
    private final AtomicBoolean soon = new AtomicBoolean();
    private volatile Context context;
    private Consumer<FleetMessage> channel;
    private long timer = -1;

    public UsageReporter(Vertx vertx, UsageLedger ledger) {
        this.vertx = vertx;
        this.ledger = ledger;
        ledger.onReportWanted(this::reportSoon);
    }

    /** The channel is open (and Hello sent): resend what is unconfirmed, then report as usual. On the fleet context. */
    public void connected(Consumer<FleetMessage> newChannel) {
        disconnected();
        context = Vertx.currentContext();
        channel = newChannel;
        ledger.unconfirmed().forEach(newChannel);
        report();
        timer = vertx.setPeriodic(FleetMessage.USAGE_REPORT_INTERVAL_MILLIS, t -> report());
    }

    /** The channel closed: keep counting, send nothing until the next {@link #connected}. On the fleet context. */
    public void disconnected() {
        channel = null;
        if (timer >= 0) {
            vertx.cancelTimer(timer);
            timer = -1;
        }
    }

    /** Totals from the control plane. On the fleet context. */
    public void totals(UsageTotals totals) {
        ledger.apply(totals);
    }

    /** Any thread: report at the next chance on the fleet context (requests arriving meanwhile join the same report). */
    public void reportSoon() {
        Context fleet = context;
        if (fleet != null && soon.compareAndSet(false, true)) {
            fleet.runOnContext(v -> report());
        }
    }

    /** Sends what is counted and not reported yet, if the channel is open. On the fleet context. */
    public void report() {
        soon.set(false);
        Consumer<FleetMessage> open = channel;
        if (open != null) {
            UsageReport report = ledger.nextReport();
            if (report != null) {
                open.accept(report);
            }
        }
    }
}
