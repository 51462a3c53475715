package dev.portico.cp.fleet;

import dev.portico.cp.platform.DataDirectory;
import dev.portico.snapshot.Quota;
import dev.portico.snapshot.QuotaPeriod;
import dev.portico.snapshot.fleet.FleetMessage;
import dev.portico.snapshot.fleet.Hello;
import dev.portico.snapshot.fleet.SnapshotPush;
import dev.portico.snapshot.fleet.UsageReport;
import dev.portico.snapshot.fleet.UsageReport.UsageCount;
import dev.portico.snapshot.fleet.UsageTotals;
import dev.portico.snapshot.fleet.UsageTotals.UsageTotal;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.net.URL;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static dev.portico.cp.usage.KeyAndPlanCalls.KEYS;
import static dev.portico.cp.usage.KeyAndPlanCalls.count;
import static dev.portico.cp.usage.KeyAndPlanCalls.key;
import static dev.portico.cp.usage.KeyAndPlanCalls.plan;
import static dev.portico.cp.usage.KeyAndPlanCalls.subscribe;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** Nodes report usage over the fleet channel; the control plane counts it once and sends totals back. */
@QuarkusTest
@TestSecurity(user = "alice", roles = "editor")
class FleetUsageIT {

    private static final Duration WAIT = Duration.ofSeconds(5);

    @TestHTTPResource("/")
    URL base;

    @Inject
    Vertx vertx;

    @Inject
    DataDirectory dataDirectory;

    @Inject
    DataSource database;

    private String clusterToken;
    private final LocalDate today = LocalDate.now(ZoneOffset.UTC);

    @BeforeEach
    void readToken() throws Exception {
        clusterToken = Files.readString(dataDirectory.clusterToken().path()).trim();
    }

    @Test
    void aReportIsCountedOnceAndConfirmedWithTheTotals() throws Exception {
        String plan = plan("daily", Map.of("limit", 100, "period", "DAY"));
        String key = key("counted");
        subscribe(plan, key);
        given().get(KEYS + "/" + key).then().body("lastUsedAt", nullValue());
        String boot = UUID.randomUUID().toString();
        try (FleetTestNode node = greeted("counting-")) {
            node.send(new UsageReport(boot, 1, List.of(count(key, plan, today, 3))));
            UsageTotals first = node.next(UsageTotals.class, t -> boot.equals(t.bootId()) && t.includedSeq() == 1, WAIT);
            assertThat(used(first, key, plan)).contains(new UsageTotal(key, plan, today.toString(), 3));

            node.send(new UsageReport(boot, 1, List.of(count(key, plan, today, 3))));
            UsageTotals again = node.next(UsageTotals.class, t -> boot.equals(t.bootId()), WAIT);
            assertThat(again.includedSeq()).isEqualTo(1);
            assertThat(used(again, key, plan).orElseThrow().used()).as("a resent report counts once").isEqualTo(3);

            node.send(new UsageReport(boot, 2, List.of(count(key, plan, today, 2), count("nosuchkey0", plan, today, 9),
                    new UsageCount(key, plan, "yesterday", 9), count(key, plan, today.plusDays(5), 9),
                    count(key, plan, today, 0))));
            UsageTotals second = node.next(UsageTotals.class, t -> boot.equals(t.bootId()) && t.includedSeq() == 2, WAIT);
            assertThat(used(second, key, plan).orElseThrow().used()).isEqualTo(5);
        }
        assertThat(storedUsage(key, plan)).isEqualTo(5);
        given().get(KEYS + "/" + key).then().body("lastUsedAt", notNullValue());
        // Everything lives in PostgreSQL: a node connecting later (as after a control-plane restart) gets it.
        try (FleetTestNode later = connect("later-" + UUID.randomUUID())) {
            later.send(new Hello(null, "http://127.0.0.1:8010", "test-1", 0));
            later.next(SnapshotPush.class, WAIT);
            UsageTotals greeting = later.next(UsageTotals.class, WAIT);
            assertThat(greeting.bootId()).isNull();
            assertThat(greeting.includedSeq()).isZero();
            assertThat(used(greeting, key, plan).orElseThrow().used()).isEqualTo(5);
        }
    }

    @Test
    void totalsCoverTheCurrentPeriodOfEachPlan() throws Exception {
        Quota weekly = new Quota(1000, QuotaPeriod.WEEK, 0);
        Quota monthly = new Quota(1000, QuotaPeriod.MONTH, 3);
        String week = plan("weekly", Map.of("limit", 1000, "period", "WEEK"));
        String month = plan("monthly", Map.of("limit", 1000, "period", "MONTH", "offset", 3));
        String key = key("periodic");
        subscribe(week, key);
        subscribe(month, key);
        LocalDate weekStart = weekly.periodStart(today);
        LocalDate monthStart = monthly.periodStart(today);
        List<UsageCount> counts = List.of(count(key, week, weekStart, 4), count(key, week, weekStart.minusDays(1), 7),
                count(key, week, today, 1), count(key, month, monthStart, 10), count(key, month, monthStart.minusDays(1), 20),
                count(key, month, today, 1));
        String boot = UUID.randomUUID().toString();
        try (FleetTestNode node = greeted("periods-")) {
            node.send(new UsageReport(boot, 1, counts));
            UsageTotals totals = node.next(UsageTotals.class, t -> boot.equals(t.bootId()) && t.includedSeq() == 1, WAIT);
            // the day before each period's start belongs to the previous period
            assertThat(used(totals, key, week)).contains(new UsageTotal(key, week, weekStart.toString(), 5));
            assertThat(used(totals, key, month)).contains(new UsageTotal(key, month, monthStart.toString(), 11));
        }
    }

    @Test
    void everyConnectedNodeGetsTheNewTotals() throws Exception {
        String plan = plan("shared", Map.of("limit", 10, "period", "DAY"));
        String key = key("shared");
        subscribe(plan, key);
        String firstBoot = UUID.randomUUID().toString();
        String secondBoot = UUID.randomUUID().toString();
        try (FleetTestNode first = greeted("first-"); FleetTestNode second = greeted("second-")) {
            first.send(new UsageReport(firstBoot, 1, List.of(count(key, plan, today, 2))));
            UsageTotals unreported = second.next(UsageTotals.class, t -> usedBy(t, key, plan) == 2, WAIT);
            assertThat(unreported.bootId()).as("the second node has not reported: nothing of it to confirm").isNull();

            second.send(new UsageReport(secondBoot, 1, List.of(count(key, plan, today, 3))));
            UsageTotals toFirst = first.next(UsageTotals.class, t -> usedBy(t, key, plan) == 5, WAIT);
            assertThat(toFirst.bootId()).isEqualTo(firstBoot);
            assertThat(toFirst.includedSeq()).isEqualTo(1);
            UsageTotals toSecond = second.next(UsageTotals.class, t -> usedBy(t, key, plan) == 5, WAIT);
            assertThat(toSecond.bootId()).isEqualTo(secondBoot);
            assertThat(toSecond.includedSeq()).isEqualTo(1);
        }
    }

    @Test
    void aReportThatCannotBeStoredClosesTheConnectionAndIsCountedWhenResent() throws Exception {
        String plan = plan("resent", Map.of("limit", 100, "period", "DAY"));
        String key = key("resent");
        subscribe(plan, key);
        String nodeId = "unlucky-" + UUID.randomUUID();
        String boot = UUID.randomUUID().toString();
        List<UsageReport> reports = List.of(new UsageReport(boot, 1, List.of(count(key, plan, today, 2))),
                new UsageReport(boot, 2, List.of(count(key, plan, today, 3))));
        try (FleetTestNode node = greeted(nodeId)) {
            execute("ALTER TABLE usage_day RENAME TO usage_day_away");   // the database fails the report
            try {
                reports.forEach(node::send);
                assertThat(node.closedByServer(WAIT)).isTrue();
            } finally {
                execute("ALTER TABLE usage_day_away RENAME TO usage_day");
            }
        }
        try (FleetTestNode again = greeted(nodeId)) {
            reports.forEach(again::send);
            UsageTotals totals = again.next(UsageTotals.class, t -> boot.equals(t.bootId()) && t.includedSeq() == 2, WAIT);
            assertThat(usedBy(totals, key, plan)).isEqualTo(5);
        }
    }

    @Test
    void bootsUnheardOfForAWeekAreForgotten() throws Exception {
        String stale = "stale-" + UUID.randomUUID();
        String recent = "recent-" + UUID.randomUUID();
        execute("INSERT INTO usage_report_seq VALUES ('" + stale + "', 'b', 4, now() - interval '8 days'), ('"
                + recent + "', 'b', 4, now() - interval '6 days')");
        String boot = UUID.randomUUID().toString();
        try (FleetTestNode node = greeted("fresh-")) {
            node.send(new UsageReport(boot, 1, List.of()));
            node.next(UsageTotals.class, t -> boot.equals(t.bootId()) && t.includedSeq() == 1, WAIT);
        }
        assertThat(seqRows(stale)).isZero();
        assertThat(seqRows(recent)).isOne();
    }

    /** A node (this id, or this prefix and a random suffix when it ends with "-") past its hello. */
    private FleetTestNode greeted(String nodeIdOrPrefix) throws Exception {
        String nodeId = nodeIdOrPrefix.endsWith("-") ? nodeIdOrPrefix + UUID.randomUUID() : nodeIdOrPrefix;
        FleetTestNode node = connect(nodeId);
        node.send(new Hello(nodeId, "http://127.0.0.1:8009", "test-1", 0));
        node.next(SnapshotPush.class, WAIT);
        node.next(UsageTotals.class, t -> t.bootId() == null, WAIT);
        return node;
    }

    private FleetTestNode connect(String nodeId) throws Exception {
        return FleetTestNode.connect(vertx, base, Map.of(
                "Authorization", "Bearer " + clusterToken, FleetMessage.NODE_ID_HEADER, nodeId));
    }

    private static Optional<UsageTotal> used(UsageTotals totals, String key, String plan) {
        return totals.totals().stream().filter(t -> t.keyId().equals(key) && t.planId().equals(plan)).findFirst();
    }

    private static long usedBy(UsageTotals totals, String key, String plan) {
        return used(totals, key, plan).map(UsageTotal::used).orElse(0L);
    }

    private long storedUsage(String key, String plan) throws SQLException {
        return single("SELECT coalesce(sum(used), 0) FROM usage_day WHERE key_id = ? AND plan_id = ?", key, plan);
    }

    private long seqRows(String nodeId) throws SQLException {
        return single("SELECT count(*) FROM usage_report_seq WHERE node_id = ?", nodeId);
    }

    private long single(String sql, String... parameters) throws SQLException {
        try (Connection connection = database.getConnection(); PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setString(i + 1, parameters[i]);
            }
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = database.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.executeUpdate();
        }
    }
}
