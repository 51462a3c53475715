package dev.portico.snapshot.fleet;

import java.util.List;

/**
 * Control plane → node: the fleet's usage of every key with a quota, in the quota's current
 * period, as PostgreSQL holds it. Sent to a node after each of its reports is stored, and to every
 * node whenever another node's report changed the totals.
 *
 * @param bootId      the boot of the node this message is for
 * @param includedSeq the totals include this node's reports up to this seq of that boot (0: none)
 * @param totals      the whole picture: a key and plan absent here has used nothing this period
 */
public record UsageTotals(String bootId, long includedSeq, List<UsageTotal> totals) implements FleetMessage {

    public UsageTotals {
        totals = totals == null ? List.of() : List.copyOf(totals);
    }

    /** @param periodStart the first UTC day of the quota period, "YYYY-MM-DD" */
    public record UsageTotal(String keyId, String planId, String periodStart, long used) {
    }
}
