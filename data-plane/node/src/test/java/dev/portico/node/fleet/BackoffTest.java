package dev.portico.node.fleet;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BackoffTest {

    @Test
    void ceilingDoublesUpToTheMaximumAndResets() {
        Backoff backoff = new Backoff(Duration.ofMillis(250), Duration.ofSeconds(15), bound -> bound);
        List<Long> ceilings = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ceilings.add(backoff.nextDelayMillis());
        }
        assertThat(ceilings).containsExactly(250L, 500L, 1000L, 2000L, 4000L, 8000L, 15000L, 15000L, 15000L, 15000L);

        backoff.reset();
        assertThat(backoff.nextDelayMillis()).isEqualTo(250L);
    }

    @Test
    void fullJitterStaysWithinTheCeiling() {
        Backoff backoff = Backoff.standard();
        for (int i = 0; i < 200; i++) {
            assertThat(backoff.nextDelayMillis()).isBetween(0L, 15_000L);
        }
    }

    @Test
    void manyAttemptsDoNotOverflow() {
        Backoff backoff = new Backoff(Duration.ofMillis(250), Duration.ofSeconds(15), bound -> bound);
        for (int i = 0; i < 100; i++) {
            assertThat(backoff.nextDelayMillis()).isPositive();
        }
    }
}
