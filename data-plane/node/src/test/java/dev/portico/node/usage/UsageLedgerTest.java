package dev.portico.node.usage;

import dev.portico.node.protect.CompiledQuota;
import dev.portico.node.protect.QuotaWindow;
import dev.portico.snapshot.Quota;
import dev.portico.snapshot.QuotaPeriod;
import dev.portico.snapshot.fleet.UsageReport;
import dev.portico.snapshot.fleet.UsageReport.UsageCount;
import dev.portico.snapshot.fleet.UsageTotals;
import dev.portico.snapshot.fleet.UsageTotals.UsageTotal;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class UsageLedgerTest {

    private static final String BOOT = "boot-1";
    private static final LocalDate MONDAY = LocalDate.parse("2026-03-09");
    private static final long DAY = MONDAY.toEpochDay();
    private static final UsageKey KEY_A = new UsageKey("ka", "free");
    private static final UsageKey KEY_B = new UsageKey("kb", "free");

    private final UsageLedger ledger = new UsageLedger(BOOT);
    private final QuotaWindow today = new CompiledQuota(new Quota(100, QuotaPeriod.DAY, 0)).window(DAY);

    private void admit(UsageKey key, int times) {
        for (int i = 0; i < times; i++) {
            assertThat(ledger.admit(key, 1_000, today, DAY)).isNotNegative();
        }
    }

    private static UsageTotals totals(String bootId, long includedSeq, UsageTotal... totals) {
        return new UsageTotals(bootId, includedSeq, List.of(totals));
    }

    @Test
    void admitsExactlyUpToTheLimit() {
        for (int i = 0; i < 20; i++) {
            assertThat(ledger.admit(KEY_A, 20, today, DAY)).as("request %d: what is left", i).isEqualTo(19 - i);
        }
        assertThat(ledger.admit(KEY_A, 20, today, DAY)).isEqualTo(UsageLedger.REFUSED);
        assertThat(ledger.used(KEY_A, today)).as("a refused request is not counted").isEqualTo(20);
        assertThat(ledger.admit(KEY_B, 20, today, DAY)).as("another key has its own quota").isEqualTo(19);
    }

    @Test
    void concurrentAdmissionsNeverPassTheLimit() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            AtomicInteger admitted = new AtomicInteger();
            List<Callable<Void>> callers = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                callers.add(() -> {
                    for (int i = 0; i < 500; i++) {
                        if (ledger.admit(KEY_A, 1_000, today, DAY) != UsageLedger.REFUSED) {
                            admitted.incrementAndGet();
                        }
                    }
                    return null;
                });
            }
            for (Future<Void> done : threads.invokeAll(callers)) {
                done.get();
            }
            assertThat(admitted.get()).isEqualTo(1_000);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void reportsWhatWasCountedOnceAndKeepsItUntilConfirmed() {
        admit(KEY_A, 3);
        ledger.count(KEY_B, DAY);

        UsageReport first = ledger.nextReport();

        assertThat(first.bootId()).isEqualTo(BOOT);
        assertThat(first.seq()).isEqualTo(1);
        assertThat(first.counts()).containsExactlyInAnyOrder(
                new UsageCount("ka", "free", "2026-03-09", 3), new UsageCount("kb", "free", "2026-03-09", 1));
        assertThat(ledger.nextReport()).as("nothing new").isNull();
        assertThat(ledger.used(KEY_A, today)).as("reported but unconfirmed still counts").isEqualTo(3);

        admit(KEY_A, 2);
        UsageReport second = ledger.nextReport();
        assertThat(second.seq()).isEqualTo(2);
        assertThat(second.counts()).containsExactly(new UsageCount("ka", "free", "2026-03-09", 2));
        assertThat(ledger.unconfirmed()).as("what a reconnect resends").containsExactly(first, second);

        ledger.apply(totals(BOOT, 1, new UsageTotal("ka", "free", "2026-03-09", 3), new UsageTotal("kb", "free", "2026-03-09", 1)));

        assertThat(ledger.unconfirmed()).containsExactly(second);
        assertThat(ledger.used(KEY_A, today)).as("3 from the totals + 2 in flight").isEqualTo(5);
    }

    @Test
    void totalsReplaceTheFleetCountAndAKeyAbsentFromThemHasUsedNothing() {
        ledger.apply(totals(BOOT, 0, new UsageTotal("ka", "free", "2026-03-09", 40), new UsageTotal("kb", "free", "2026-03-09", 7)));
        admit(KEY_A, 1);
        assertThat(ledger.used(KEY_A, today)).isEqualTo(41);
        assertThat(ledger.used(KEY_B, today)).isEqualTo(7);

        UsageReport report = ledger.nextReport();
        ledger.apply(totals(BOOT, report.seq(), new UsageTotal("ka", "free", "2026-03-09", 50)));

        assertThat(ledger.used(KEY_A, today)).as("the report is in the totals now").isEqualTo(50);
        assertThat(ledger.used(KEY_B, today)).isZero();
        assertThat(ledger.unconfirmed()).isEmpty();
    }

    @Test
    void totalsWithoutABootIdSetTheCountButConfirmNothingAndOtherBootsAreIgnored() {
        admit(KEY_A, 2);
        UsageReport report = ledger.nextReport();

        ledger.apply(totals(null, 5, new UsageTotal("ka", "free", "2026-03-09", 10)));
        assertThat(ledger.unconfirmed()).containsExactly(report);
        assertThat(ledger.used(KEY_A, today)).as("may count the report twice until confirmed: never too few").isEqualTo(12);

        assertThat(ledger.apply(totals("another-boot", 9, new UsageTotal("ka", "free", "2026-03-09", 999)))).isFalse();
        assertThat(ledger.used(KEY_A, today)).isEqualTo(12);
        assertThat(ledger.unconfirmed()).containsExactly(report);
    }

    @Test
    void theFleetCountOfThePreviousPeriodStopsCountingWhenThePeriodRollsOver() {
        CompiledQuota daily = new CompiledQuota(new Quota(10, QuotaPeriod.DAY, 0));
        ledger.apply(totals(BOOT, 0, new UsageTotal("ka", "free", "2026-03-09", 10)));
        assertThat(ledger.admit(KEY_A, 10, daily.window(DAY), DAY)).isEqualTo(UsageLedger.REFUSED);

        long tomorrow = DAY + 1;
        assertThat(ledger.admit(KEY_A, 10, daily.window(tomorrow), tomorrow)).isNotNegative();
        assertThat(ledger.used(KEY_A, daily.window(tomorrow))).isEqualTo(1);

        CompiledQuota weekly = new CompiledQuota(new Quota(10, QuotaPeriod.WEEK, 0));
        ledger.count(KEY_B, DAY);
        ledger.count(KEY_B, tomorrow);
        assertThat(ledger.used(KEY_B, weekly.window(tomorrow))).as("both days are in the week").isEqualTo(2);
        assertThat(ledger.used(KEY_B, weekly.window(DAY + 7))).as("next week").isZero();
    }

    @Test
    void countsOfSeveralDaysAreReportedPerDay() {
        ledger.count(KEY_A, DAY + 1);
        ledger.count(KEY_A, DAY);
        ledger.count(KEY_A, DAY + 1);

        assertThat(ledger.nextReport().counts()).containsExactly(
                new UsageCount("ka", "free", "2026-03-09", 1), new UsageCount("ka", "free", "2026-03-10", 2));
    }

    @Test
    void nearTheLimitEveryRequestAsksForAReport() {
        AtomicInteger wanted = new AtomicInteger();
        ledger.onReportWanted(wanted::incrementAndGet);

        for (int i = 0; i < 40; i++) {
            ledger.admit(KEY_A, 1_000, today, DAY);
        }
        assertThat(wanted.get()).as("far from the limit: the 1 s tick is enough").isZero();
        for (int i = 0; i < 10; i++) {
            ledger.admit(KEY_A, 1_000, today, DAY);
        }
        assertThat(wanted.get()).as("50 unsent >= (1000 - 50) / 20").isPositive();

        ledger.nextReport();
        ledger.apply(totals(BOOT, 1, new UsageTotal("ka", "free", "2026-03-09", 985)));
        wanted.set(0);
        ledger.admit(KEY_A, 1_000, today, DAY);
        ledger.admit(KEY_A, 1_000, today, DAY);
        assertThat(wanted.get()).as("near the limit, every request").isEqualTo(2);

        ledger.count(KEY_B, DAY);
        assertThat(wanted.get()).as("keys without a quota wait for the tick").isEqualTo(2);
    }
}
