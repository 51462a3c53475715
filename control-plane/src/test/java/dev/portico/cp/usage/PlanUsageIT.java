package dev.portico.cp.usage;

import dev.portico.snapshot.fleet.UsageReport;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.portico.cp.api.AdminCalls.badFields;
import static dev.portico.cp.api.AdminCalls.problem;
import static dev.portico.cp.usage.KeyAndPlanCalls.PLANS;
import static dev.portico.cp.usage.KeyAndPlanCalls.count;
import static dev.portico.cp.usage.KeyAndPlanCalls.key;
import static dev.portico.cp.usage.KeyAndPlanCalls.plan;
import static dev.portico.cp.usage.KeyAndPlanCalls.subscribe;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

/** {@code GET /usage-plans/{id}/usage}: per subscribed key, per day, used and remaining. */
@QuarkusTest
@TestSecurity(user = "alice", roles = "editor")
class PlanUsageIT {

    private static final LocalDate MARCH_1 = LocalDate.parse("2025-03-01");

    @Inject
    UsageLedger ledger;

    @Test
    void everyDayOfEverySubscribedKeyWithWhatRemainsOfADailyQuota() {
        String plan = plan("daily-report", Map.of("limit", 10, "period", "DAY"));
        String busy = key("busy");
        String idle = key("idle");
        subscribe(plan, busy);
        subscribe(plan, idle);
        int b = busy.compareTo(idle) < 0 ? 0 : 1;
        String stranger = key("not-subscribed");
        report(count(busy, plan, MARCH_1, 4), count(busy, plan, MARCH_1.plusDays(1), 7),
                count(busy, plan, MARCH_1.plusDays(2), 12), count(stranger, plan, MARCH_1, 5));
        report(count(busy, plan, MARCH_1, 1));

        usage(plan, "startDate=2025-03-01&endDate=2025-03-03").statusCode(200)
                .body("planId", equalTo(plan)).body("startDate", equalTo("2025-03-01")).body("endDate", equalTo("2025-03-03"))
                .body("items.keyId", contains(b == 0 ? new String[] {busy, idle} : new String[] {idle, busy}))
                .body("items[" + b + "].keyName", equalTo("busy"))
                .body("items[" + b + "].days.date", contains("2025-03-01", "2025-03-02", "2025-03-03"))
                .body("items[" + b + "].days.used", contains(5, 7, 12))
                .body("items[" + b + "].days.remaining", contains(5, 3, 0))
                .body("items[" + (1 - b) + "].days.used", contains(0, 0, 0))
                .body("items[" + (1 - b) + "].days.remaining", contains(10, 10, 10));

        usage(plan, "startDate=2025-03-02&endDate=2025-03-02&keyId=" + busy).statusCode(200)
                .body("items", hasSize(1)).body("items[0].days.used", contains(7));
    }

    @Test
    void aMonthlyQuotaCountsTheDaysOfItsPeriodBeforeTheRange() {
        String plan = plan("monthly-report", Map.of("limit", 100, "period", "MONTH"));
        String key = key("monthly");
        subscribe(plan, key);
        report(count(key, plan, LocalDate.parse("2025-02-10"), 30), count(key, plan, MARCH_1, 5),
                count(key, plan, MARCH_1.plusDays(1), 10));
        usage(plan, "startDate=2025-02-27&endDate=2025-03-02").statusCode(200)
                .body("items[0].days.used", contains(0, 0, 5, 10))
                .body("items[0].days.remaining", contains(70, 70, 95, 85));
    }

    @Test
    void withoutAQuotaNothingRemainsToCount() {
        String plan = plan("unlimited", null);
        String key = key("unlimited");
        subscribe(plan, key);
        report(count(key, plan, MARCH_1, 8));
        usage(plan, "startDate=2025-03-01&endDate=2025-03-02").statusCode(200)
                .body("items[0].days.used", contains(8, 0))
                .body("items[0].days.remaining", everyItem(nullValue()));
    }

    @Test
    void badParametersAreNamed() {
        String plan = plan("strict-report", Map.of("limit", 10, "period", "DAY"));
        String stranger = key("stranger");
        assertThat(badFields(usage(plan, ""))).containsExactly("startDate", "endDate");
        assertThat(badFields(usage(plan, "startDate=2025-13-01&endDate=03/01/2025")))
                .containsExactly("startDate", "endDate");
        assertThat(badFields(usage(plan, "startDate=2025-03-02&endDate=2025-03-01"))).containsExactly("endDate");
        assertThat(badFields(usage(plan, "startDate=2025-01-01&endDate=2026-01-02"))).containsExactly("endDate");
        usage(plan, "startDate=2025-01-01&endDate=2026-01-01").statusCode(200);
        assertThat(badFields(usage(plan, "startDate=2025-03-01&endDate=2025-03-01&keyId=" + stranger)))
                .containsExactly("keyId");
        assertThat(badFields(usage(plan, "startDate=2025-03-01&keyId=nosuchkey0"))).containsExactly("endDate", "keyId");
        problem(usage("nosuchplan", "startDate=2025-03-01&endDate=2025-03-01"), 404, "NOT_FOUND");
    }

    @Test
    @TestSecurity(user = "vera", roles = "viewer")
    void aViewerReadsUsage() {
        problem(usage("nosuchplan", "startDate=2025-03-01&endDate=2025-03-01"), 404, "NOT_FOUND");
    }

    private void report(UsageReport.UsageCount... counts) {
        assertThat(ledger.record("report-node", new UsageReport(UUID.randomUUID().toString(), 1, List.of(counts))))
                .isTrue();
    }

    private static ValidatableResponse usage(String plan, String query) {
        return given().get(PLANS + "/" + plan + "/usage" + (query.isEmpty() ? "" : "?" + query)).then();
    }
}
