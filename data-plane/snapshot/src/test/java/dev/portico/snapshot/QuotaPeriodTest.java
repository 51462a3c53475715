package dev.portico.snapshot;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class QuotaPeriodTest {

    private static final LocalDate WEDNESDAY_MARCH_3 = LocalDate.of(2027, 3, 3);

    @Test
    void aDayIsItself() {
        assertThat(QuotaPeriod.DAY.start(WEDNESDAY_MARCH_3, 0)).isEqualTo(WEDNESDAY_MARCH_3);
        assertThat(QuotaPeriod.DAY.end(WEDNESDAY_MARCH_3)).isEqualTo(LocalDate.of(2027, 3, 4));
    }

    @Test
    void weeksStartOnMondayMovedByTheOffset() {
        assertThat(QuotaPeriod.WEEK.start(WEDNESDAY_MARCH_3, 0)).isEqualTo(LocalDate.of(2027, 3, 1));
        assertThat(QuotaPeriod.WEEK.start(WEDNESDAY_MARCH_3, 2)).isEqualTo(WEDNESDAY_MARCH_3);
        assertThat(QuotaPeriod.WEEK.start(WEDNESDAY_MARCH_3, 3)).isEqualTo(LocalDate.of(2027, 2, 25));
        assertThat(QuotaPeriod.WEEK.end(LocalDate.of(2027, 2, 25))).isEqualTo(LocalDate.of(2027, 3, 4));
    }

    @Test
    void monthsStartOnTheFirstMovedByTheOffset() {
        assertThat(QuotaPeriod.MONTH.start(WEDNESDAY_MARCH_3, 0)).isEqualTo(LocalDate.of(2027, 3, 1));
        assertThat(QuotaPeriod.MONTH.start(WEDNESDAY_MARCH_3, 5)).isEqualTo(LocalDate.of(2027, 2, 6));
        assertThat(QuotaPeriod.MONTH.end(LocalDate.of(2027, 2, 6))).isEqualTo(LocalDate.of(2027, 3, 6));
        assertThat(QuotaPeriod.MONTH.maxOffset()).isEqualTo(27);
    }
}
