package dev.portico.node.observe;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class LogTimeTest {

    @Test
    void writesWhatInstantWritesWithinASecondAndAcrossSeconds() {
        long start = Instant.parse("2026-12-07T15:33:01Z").toEpochMilli();
        for (long millis : new long[] {start, start + 1, start + 9, start + 10, start + 99, start + 100, start + 999,
            start + 1000, start + 1001, start + 86_400_123L, 0, -1, -1001, 253_402_300_799_999L}) {
            assertThat(LogTime.append(new StringBuilder(), millis).toString()).as("%d", millis)
                    .isEqualTo(Instant.ofEpochMilli(millis).toString());
        }
    }

    @Test
    void anEarlierSecondAfterALaterOneIsWrittenRight() {
        long later = Instant.parse("2026-12-07T15:33:02.500Z").toEpochMilli();
        LogTime.append(new StringBuilder(), later);
        assertThat(LogTime.append(new StringBuilder(), later - 1000).toString()).isEqualTo("2026-12-07T15:33:01.500Z");
    }
}
