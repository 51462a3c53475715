package dev.portico.node.usage;

import dev.portico.node.protect.QuotaWindow;
import dev.portico.snapshot.fleet.UsageReport;
import dev.portico.snapshot.fleet.UsageTotals;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The node's side of fleet-wide usage (docs/node.md, "Quotas"): counts admitted keyed requests per
 * key, plan and UTC day, turns them into numbered {@link UsageReport}s, keeps each report until
 * {@link UsageTotals} confirm it (so it can be sent again after a reconnect), and takes the fleet's
 * totals as the base of every quota decision. Counting goes on whether or not the control plane is
 * there.
 */
public final class UsageLedger {

    private static final System.Logger LOG = System.getLogger(UsageLedger.class.getName());

    private final String bootId;
    private final ConcurrentHashMap<UsageKey, KeyUsage> usage = new ConcurrentHashMap<>();
    /** Reports sent and not yet confirmed, oldest first. Guarded by this. */
    private final List<UsageReport> unconfirmed = new ArrayList<>();
    private long nextSeq = 1;
    private volatile Runnable reportWanted = () -> { };

    public UsageLedger(String bootId) {
        this.bootId = bootId;
    }

    /** A ledger for a fresh start of the node: a new boot id, reports numbered from 1. */
    public static UsageLedger newBoot() {
        return new UsageLedger(UUID.randomUUID().toString());
    }

    public String bootId() {
        return bootId;
    }

    /** Called (from any thread) when usage near a quota's limit should be reported now rather than at the next tick. */
    public void onReportWanted(Runnable listener) {
        this.reportWanted = listener;
    }

    /** What {@link #admit} answers for a request over the quota. */
    public static final long REFUSED = -1;

    /**
     * Counts the request when the estimate in {@code window} is below {@code limit} and returns the
     * requests left after it (0 or more); else counts nothing and returns {@link #REFUSED}.
     */
    public long admit(UsageKey key, long limit, QuotaWindow window, long day) {
        KeyUsage.Admission admission = of(key).admit(limit, window, day);
        if (admission.reportSoon()) {
            reportWanted.run();
        }
        return admission.left();
    }

    /** Counts a request without a quota to respect. */
    public void count(UsageKey key, long day) {
        of(key).count(day);
    }

    /** The fleet's usage of {@code key} in {@code window}, as this node estimates it. */
    public long used(UsageKey key, QuotaWindow window) {
        KeyUsage known = usage.get(key);
        return known == null ? 0 : known.estimate(window);
    }

    private KeyUsage of(UsageKey key) {
        KeyUsage known = usage.get(key);
        return known != null ? known : usage.computeIfAbsent(key, k -> new KeyUsage());
    }

    /** A report of everything counted since the last one, or null when there is nothing. Kept until confirmed. */
    public synchronized UsageReport nextReport() {
        long seq = nextSeq;
        List<UsageReport.UsageCount> counts = new ArrayList<>();
        usage.forEach((key, keyUsage) -> keyUsage.drainInto(seq, (day, count) -> counts.add(
                new UsageReport.UsageCount(key.keyId(), key.planId(), LocalDate.ofEpochDay(day).toString(), count))));
        if (counts.isEmpty()) {
            return null;
        }
        nextSeq++;
        UsageReport report = new UsageReport(bootId, seq, counts);
        unconfirmed.add(report);
        return report;
    }

    /** Reports sent but not confirmed yet, oldest first: what to send again after a reconnect. */
    public synchronized List<UsageReport> unconfirmed() {
        return List.copyOf(unconfirmed);
    }

    /**
     * Takes the fleet's totals: they replace every key's fleet count (a key absent from them has used
     * nothing) and confirm this boot's reports up to {@code includedSeq}. Totals for another boot are
     * ignored; totals without a boot id (sent on connect) confirm nothing.
     *
     * @return false when ignored
     */
    public synchronized boolean apply(UsageTotals totals) {
        if (totals.bootId() != null && !totals.bootId().equals(bootId)) {
            return false;
        }
        long includedSeq = totals.bootId() == null ? 0 : totals.includedSeq();
        Map<UsageKey, UsageTotals.UsageTotal> byKey = new HashMap<>();
        for (UsageTotals.UsageTotal total : totals.totals()) {
            byKey.put(new UsageKey(total.keyId(), total.planId()), total);
        }
        usage.forEach((key, keyUsage) -> fleetTotal(keyUsage, byKey.remove(key), includedSeq));
        byKey.forEach((key, total) -> fleetTotal(of(key), total, includedSeq));
        unconfirmed.removeIf(report -> report.seq() <= includedSeq);
        return true;
    }

    private static void fleetTotal(KeyUsage keyUsage, UsageTotals.UsageTotal total, long includedSeq) {
        long periodStart = Long.MIN_VALUE;
        long used = 0;
        if (total != null) {
            try {
                periodStart = LocalDate.parse(total.periodStart()).toEpochDay();
                used = total.used();
            } catch (DateTimeException | NullPointerException e) {
                LOG.log(System.Logger.Level.WARNING, "ignoring usage total with a bad period start: " + total);
            }
        }
        keyUsage.fleetTotal(periodStart, used, includedSeq);
    }
}
