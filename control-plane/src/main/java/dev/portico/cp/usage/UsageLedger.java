package dev.portico.cp.usage;

import dev.portico.snapshot.fleet.UsageReport;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Stores the usage nodes report: once per (node, boot, seq), added per key, plan and day to
 * {@code usage_day}, and the keys' {@code last_used_at}. Reports of one node must be recorded in seq
 * order (the fleet hub handles a node's messages one at a time): a report whose seq is not above
 * the last one stored for its boot was counted already and changes nothing.
 */
@ApplicationScoped
public class UsageLedger {

    private static final Logger LOG = Logger.getLogger(UsageLedger.class);
    /** Boots not heard of for this long are forgotten (a node resends only what it has not seen confirmed). */
    static final String FORGET_BOOTS_AFTER = "7 days";

    // Updates only when the seq is new; RETURNING then tells a first report of a boot (xmax = 0) from a later one.
    private static final String ADVANCE = """
            INSERT INTO usage_report_seq (node_id, boot_id, last_seq, updated_at) VALUES (?, ?, ?, now())
            ON CONFLICT (node_id, boot_id) DO UPDATE SET last_seq = excluded.last_seq, updated_at = excluded.updated_at
            WHERE usage_report_seq.last_seq < excluded.last_seq
            RETURNING xmax = 0""";
    private static final String FORGET = "DELETE FROM usage_report_seq WHERE updated_at < now() - interval '"
            + FORGET_BOOTS_AFTER + "'";
    // Counts for keys or plans deleted since the node counted them are dropped.
    private static final String ADD = """
            INSERT INTO usage_day (key_id, plan_id, day, used)
            SELECT k.id, p.id, ?, ? FROM api_key k, usage_plan p WHERE k.id = ? AND p.id = ?
            ON CONFLICT (key_id, plan_id, day) DO UPDATE SET used = usage_day.used + excluded.used""";
    private static final String TOUCH = "UPDATE api_key SET last_used_at = now() WHERE id = ?";
    /** No request of a report can be older; and the column must be able to store every day accepted. */
    private static final LocalDate FIRST_DAY = LocalDate.of(2000, 1, 1);

    private final AgroalDataSource dataSource;

    UsageLedger(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Adds the report to the fleet's usage, unless it was added before.
     *
     * @return false for a report already counted
     */
    @Transactional
    public boolean record(String nodeId, UsageReport report) {
        // Inside a transaction the pool hands out the transaction's own connection.
        try (Connection connection = dataSource.getConnection()) {
            if (!advance(connection, nodeId, report)) {
                return false;
            }
            Map<Count, Long> counts = counts(nodeId, report);
            add(connection, counts);
            touch(connection, counts.keySet().stream().map(Count::keyId).distinct().toList());
            return true;
        } catch (SQLException e) {
            throw new IllegalStateException("could not store usage report " + report.seq() + " of node " + nodeId, e);
        }
    }

    private static boolean advance(Connection connection, String nodeId, UsageReport report) throws SQLException {
        boolean firstOfBoot;
        try (PreparedStatement advance = connection.prepareStatement(ADVANCE)) {
            advance.setString(1, nodeId);
            advance.setString(2, report.bootId());
            advance.setLong(3, report.seq());
            try (ResultSet row = advance.executeQuery()) {
                if (!row.next()) {
                    return false;
                }
                firstOfBoot = row.getBoolean(1);
            }
        }
        if (firstOfBoot) {
            try (PreparedStatement forget = connection.prepareStatement(FORGET)) {
                forget.executeUpdate();
            }
        }
        return true;
    }

    /** Sorted, so concurrent reports lock the same rows in the same order (no deadlocks). */
    private static Map<Count, Long> counts(String nodeId, UsageReport report) {
        Map<Count, Long> counts = new TreeMap<>();
        List<UsageReport.UsageCount> unreadable = new ArrayList<>();
        for (UsageReport.UsageCount count : report.counts()) {
            LocalDate day = day(count.day(), LocalDate.now(ZoneOffset.UTC));
            if (count.keyId() == null || count.planId() == null || day == null || count.count() < 1) {
                unreadable.add(count);
                continue;
            }
            counts.merge(new Count(count.keyId(), count.planId(), day), count.count(), Long::sum);
        }
        if (!unreadable.isEmpty()) {
            LOG.warnf("Node %s reported %d unreadable usage count(s), ignored; the first: %s", nodeId,
                    unreadable.size(), unreadable.get(0));
        }
        return counts;
    }

    private static void add(Connection connection, Map<Count, Long> counts) throws SQLException {
        if (counts.isEmpty()) {
            return;
        }
        try (PreparedStatement add = connection.prepareStatement(ADD)) {
            for (Map.Entry<Count, Long> count : counts.entrySet()) {
                add.setObject(1, count.getKey().day());
                add.setLong(2, count.getValue());
                add.setString(3, count.getKey().keyId());
                add.setString(4, count.getKey().planId());
                add.addBatch();
            }
            add.executeBatch();
        }
    }

    private static void touch(Connection connection, List<String> keyIds) throws SQLException {
        if (keyIds.isEmpty()) {
            return;
        }
        try (PreparedStatement touch = connection.prepareStatement(TOUCH)) {
            for (String keyId : keyIds) {
                touch.setString(1, keyId);
                touch.addBatch();
            }
            touch.executeBatch();
        }
    }

    /** The day, or null when it is no day or one no request can have been admitted on (tomorrow allows for clock skew). */
    private static LocalDate day(String text, LocalDate today) {
        try {
            LocalDate day = text == null ? null : LocalDate.parse(text);
            return day == null || day.isBefore(FIRST_DAY) || day.isAfter(today.plusDays(1)) ? null : day;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private record Count(String keyId, String planId, LocalDate day) implements Comparable<Count> {

        @Override
        public int compareTo(Count other) {
            int byKey = keyId.compareTo(other.keyId);
            int byPlan = byKey != 0 ? byKey : planId.compareTo(other.planId);
            return byPlan != 0 ? byPlan : day.compareTo(other.day);
        }
    }
}
