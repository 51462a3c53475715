package dev.portico.node.protect;

import dev.portico.node.usage.UsageLedger;
import dev.portico.snapshot.Throttle;

/**
 * What the protecting steps keep for the node's whole life, across snapshots.
 *
 * @param nodeBucket the node-wide bucket ({@code PORTICO_NODE_RATE_LIMIT}/{@code _BURST_LIMIT}); null when not set
 * @param keyBuckets each key's plan buckets
 * @param ledger     usage of keys, for quotas and usage reports
 */
public record Protection(TokenBucket nodeBucket, KeyBuckets keyBuckets, UsageLedger ledger) {

    public static Protection of(Throttle nodeThrottle, UsageLedger ledger) {
        return new Protection(nodeThrottle == null ? null : new TokenBucket(nodeThrottle, System.nanoTime()),
                new KeyBuckets(), ledger);
    }
}
