package dev.portico.cp.traffic;

import dev.portico.snapshot.fleet.Traffic;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns the cumulative traffic counters of node heartbeats into per-minute rows of
 * {@code traffic_minute}: what a node served between two heartbeats is the difference of their
 * counters, added to the minute of the later one. The first heartbeat a control plane gets from a
 * node is only a starting point (so a control-plane restart loses one heartbeat's worth of each
 * node's traffic); a counter that went down means the node restarted, and then everything it
 * counted since is new. Reconnects keep the last counters, so nothing is lost or counted twice. Runs on the fleet's worker threads, never on an event loop.
 */
@ApplicationScoped
public class TrafficRecorder {

    private static final Logger LOG = Logger.getLogger(TrafficRecorder.class);
    private static final String ADD = """
            INSERT INTO traffic_minute (node_id, minute, requests, client_errors, server_errors, latency_buckets)
            VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (node_id, minute) DO UPDATE SET
                requests = traffic_minute.requests + excluded.requests,
                client_errors = traffic_minute.client_errors + excluded.client_errors,
                server_errors = traffic_minute.server_errors + excluded.server_errors,
                latency_buckets = (SELECT array_agg(coalesce(a, 0) + coalesce(b, 0) ORDER BY i)
                                   FROM unnest(traffic_minute.latency_buckets, excluded.latency_buckets)
                                   WITH ORDINALITY AS both_buckets(a, b, i))""";
    private static final String PRUNE = "DELETE FROM traffic_minute WHERE minute < ?";
    static final long KEEP_HOURS = 24;

    private final AgroalDataSource dataSource;
    private final Map<String, Traffic> lastSeen = new ConcurrentHashMap<>();
    private volatile Instant prunedAt = Instant.EPOCH;

    TrafficRecorder(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Records what {@code nodeId} served since its previous heartbeat; heartbeats without counters are skipped. */
    public void heartbeat(String nodeId, Traffic counters, Instant at) {
        if (counters == null || counters.latencyBuckets().size() != Traffic.LATENCY_BOUNDS_MILLIS.size() + 1) {
            return;
        }
        Traffic previous = lastSeen.put(nodeId, counters);
        if (previous == null) {
            return;
        }
        Traffic served = restarted(previous, counters) ? counters : minus(counters, previous);
        if (served.requests() > 0) {
            store(nodeId, served, at.truncatedTo(ChronoUnit.MINUTES));
        }
        pruneHourly(at);
    }

    private static boolean restarted(Traffic previous, Traffic now) {
        if (now.requests() < previous.requests() || now.clientErrors() < previous.clientErrors()
                || now.serverErrors() < previous.serverErrors()) {
            return true;
        }
        for (int i = 0; i < now.latencyBuckets().size(); i++) {
            if (now.latencyBuckets().get(i) < previous.latencyBuckets().get(i)) {
                return true;
            }
        }
        return false;
    }

    private static Traffic minus(Traffic now, Traffic previous) {
        Long[] buckets = new Long[now.latencyBuckets().size()];
        for (int i = 0; i < buckets.length; i++) {
            buckets[i] = now.latencyBuckets().get(i) - previous.latencyBuckets().get(i);
        }
        return new Traffic(now.requests() - previous.requests(), now.clientErrors() - previous.clientErrors(),
                now.serverErrors() - previous.serverErrors(), List.of(buckets));
    }

    private void store(String nodeId, Traffic served, Instant minute) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement add = connection.prepareStatement(ADD)) {
            Array buckets = connection.createArrayOf("bigint", served.latencyBuckets().toArray());
            add.setString(1, nodeId);
            add.setTimestamp(2, Timestamp.from(minute));
            add.setLong(3, served.requests());
            add.setLong(4, served.clientErrors());
            add.setLong(5, served.serverErrors());
            add.setArray(6, buckets);
            add.executeUpdate();
        } catch (SQLException e) {
            LOG.warnf("Could not store the traffic of node %s: %s", nodeId, e.getMessage());
        }
    }

    private void pruneHourly(Instant now) {
        if (prunedAt.isAfter(now.minus(1, ChronoUnit.HOURS))) {
            return;
        }
        prunedAt = now;
        try (Connection connection = dataSource.getConnection();
             PreparedStatement prune = connection.prepareStatement(PRUNE)) {
            prune.setTimestamp(1, Timestamp.from(now.minus(KEEP_HOURS, ChronoUnit.HOURS)));
            prune.executeUpdate();
        } catch (SQLException e) {
            LOG.warnf("Could not prune old traffic: %s", e.getMessage());
        }
    }
}
