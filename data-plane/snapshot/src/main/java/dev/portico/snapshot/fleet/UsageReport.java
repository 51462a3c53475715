package dev.portico.snapshot.fleet;

import java.util.List;

/**
 * Node → control plane: the requests a node admitted for keyed routes since its last report, at
 * least every second while there are any. The control plane adds them to the fleet's usage once per
 * (bootId, seq) — a node resends every report not yet confirmed by {@link UsageTotals#includedSeq}
 * after a reconnect, so none is lost and none is counted twice.
 *
 * @param bootId a random id the node takes at start; seq restarts at 1 with every boot
 * @param seq    grows by one with every report of this boot
 */
public record UsageReport(String bootId, long seq, List<UsageCount> counts) implements FleetMessage {

    public UsageReport {
        counts = counts == null ? List.of() : List.copyOf(counts);
    }

    /**
     * @param day   the UTC day the requests were admitted, "YYYY-MM-DD"
     * @param count requests admitted for this key under this plan on that day
     */
    public record UsageCount(String keyId, String planId, String day, long count) {
    }
}
