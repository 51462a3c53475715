package dev.portico.cp.usage;

import dev.portico.snapshot.fleet.UsageTotals.UsageTotal;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What nodes need to enforce quotas fleet-wide: for every key subscribed to a plan with a quota,
 * the requests used in the plan's current period (UTC), as PostgreSQL holds them.
 */
@ApplicationScoped
public class QuotaTotals {

    // One row per plan: (plan id, first day, first day after) of its current period.
    private static final String USED = """
            SELECT u.key_id, u.plan_id, min(p.first_day), sum(u.used)
            FROM usage_day u
            JOIN usage_plan_key s ON s.key_id = u.key_id AND s.plan_id = u.plan_id
            JOIN unnest(?::text[], ?::text[], ?::text[]) AS p (plan_id, first_day, end_day) ON p.plan_id = u.plan_id
            WHERE u.day >= p.first_day::date AND u.day < p.end_day::date
            GROUP BY u.key_id, u.plan_id
            HAVING sum(u.used) > 0
            ORDER BY u.key_id, u.plan_id""";
    private static final String LAST_SEQ = """
            SELECT r.node_id, r.boot_id, r.last_seq FROM usage_report_seq r
            JOIN unnest(?::text[], ?::text[]) AS b (node_id, boot_id) ON b.node_id = r.node_id AND b.boot_id = r.boot_id""";

    private final AgroalDataSource dataSource;
    private final Clock clock = Clock.systemUTC();

    QuotaTotals(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * The totals of today's periods and, read at the same moment (one REPEATABLE READ transaction),
     * the last report stored of each boot: the totals include exactly the reports up to it.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Reading read(Collection<NodeBoot> boots) {
        try (Connection connection = dataSource.getConnection()) {
            try (Statement isolation = connection.createStatement()) {
                // must be the transaction's first statement, hence REQUIRES_NEW above
                isolation.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
            }
            List<UsageTotal> totals = used(connection, QuotaPlan.all(connection), LocalDate.now(clock));
            return new Reading(totals, lastSeqs(connection, boots));
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the fleet's usage", e);
        }
    }

    private static List<UsageTotal> used(Connection connection, List<QuotaPlan> plans, LocalDate today)
            throws SQLException {
        List<UsageTotal> totals = new ArrayList<>();
        if (plans.isEmpty()) {
            return totals;
        }
        try (PreparedStatement select = connection.prepareStatement(USED)) {
            select.setArray(1, text(connection, plans.stream().map(QuotaPlan::id).toList()));
            select.setArray(2, text(connection, plans.stream().map(p -> p.periodStart(today).toString()).toList()));
            select.setArray(3, text(connection, plans.stream().map(p -> p.periodEnd(today).toString()).toList()));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    totals.add(new UsageTotal(rows.getString(1), rows.getString(2), rows.getString(3), rows.getLong(4)));
                }
            }
        }
        return totals;
    }

    private static Map<NodeBoot, Long> lastSeqs(Connection connection, Collection<NodeBoot> boots) throws SQLException {
        Map<NodeBoot, Long> lastSeqs = new HashMap<>();
        if (boots.isEmpty()) {
            return lastSeqs;
        }
        try (PreparedStatement select = connection.prepareStatement(LAST_SEQ)) {
            select.setArray(1, text(connection, boots.stream().map(NodeBoot::nodeId).toList()));
            select.setArray(2, text(connection, boots.stream().map(NodeBoot::bootId).toList()));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    lastSeqs.put(new NodeBoot(rows.getString(1), rows.getString(2)), rows.getLong(3));
                }
            }
        }
        return lastSeqs;
    }

    private static Array text(Connection connection, List<String> values) throws SQLException {
        return connection.createArrayOf("text", values.toArray());
    }

    /**
     * @param totals   every key and plan with a quota that used anything in its current period
     * @param lastSeqs per boot asked about, the last report the totals include (absent: none)
     */
    public record Reading(List<UsageTotal> totals, Map<NodeBoot, Long> lastSeqs) {

        public long lastSeq(NodeBoot boot) {
            return lastSeqs.getOrDefault(boot, 0L);
        }
    }
}
