package dev.portico.cp.traffic;

import dev.portico.snapshot.fleet.Traffic;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads the fleet's traffic per minute from {@code traffic_minute}, summed over nodes. */
@ApplicationScoped
public class TrafficService {

    private static final String READ = """
            SELECT minute, requests, client_errors, server_errors, latency_buckets
            FROM traffic_minute WHERE minute > ? AND minute <= ?""";

    private final AgroalDataSource dataSource;

    TrafficService(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The last {@code minutes} whole minutes up to and including the current one. */
    public TrafficView last(int minutes, Instant now) {
        Instant to = now.truncatedTo(ChronoUnit.MINUTES);
        Instant from = to.minus(minutes - 1L, ChronoUnit.MINUTES);
        Map<Instant, Sum> sums = read(from.minus(1, ChronoUnit.MINUTES), to);
        List<TrafficMinute> series = new ArrayList<>(minutes);
        for (Instant minute = from; !minute.isAfter(to); minute = minute.plus(1, ChronoUnit.MINUTES)) {
            series.add(sums.getOrDefault(minute, new Sum()).toMinute(minute));
        }
        return new TrafficView(from, to, series);
    }

    private Map<Instant, Sum> read(Instant after, Instant upTo) {
        Map<Instant, Sum> sums = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement read = connection.prepareStatement(READ)) {
            read.setTimestamp(1, Timestamp.from(after));
            read.setTimestamp(2, Timestamp.from(upTo));
            try (ResultSet rows = read.executeQuery()) {
                while (rows.next()) {
                    sums.computeIfAbsent(rows.getTimestamp(1).toInstant(), m -> new Sum())
                            .add(rows.getLong(2), rows.getLong(3), rows.getLong(4), (Long[]) rows.getArray(5).getArray());
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the fleet's traffic", e);
        }
        return sums;
    }

    /** One minute's counters, summed over nodes. */
    private static final class Sum {
        private long requests;
        private long clientErrors;
        private long serverErrors;
        private final long[] buckets = new long[Traffic.LATENCY_BOUNDS_MILLIS.size() + 1];

        void add(long requests, long clientErrors, long serverErrors, Long[] latencyBuckets) {
            this.requests += requests;
            this.clientErrors += clientErrors;
            this.serverErrors += serverErrors;
            for (int i = 0; i < Math.min(buckets.length, latencyBuckets.length); i++) {
                buckets[i] += latencyBuckets[i];
            }
        }

        TrafficMinute toMinute(Instant minute) {
            return new TrafficMinute(minute, requests, clientErrors, serverErrors, percentile(0.50), percentile(0.99));
        }

        /** The bucket bound below which {@code share} of the requests fall; null without requests. */
        private Long percentile(double share) {
            long total = 0;
            for (long count : buckets) {
                total += count;
            }
            if (total == 0) {
                return null;
            }
            long wanted = (long) Math.ceil(share * total);
            long seen = 0;
            List<Long> bounds = Traffic.LATENCY_BOUNDS_MILLIS;
            for (int i = 0; i < bounds.size(); i++) {
                seen += buckets[i];
                if (seen >= wanted) {
                    return bounds.get(i);
                }
            }
            return bounds.get(bounds.size() - 1);
        }
    }
}
