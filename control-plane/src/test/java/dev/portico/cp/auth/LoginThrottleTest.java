package dev.portico.cp.auth;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

class LoginThrottleTest {

    /** A clock the test moves by hand. */
    private static final class HandClock extends Clock {
        private Instant now = Instant.parse("2026-11-21T12:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final HandClock clock = new HandClock();
    private final LoginThrottle throttle = new LoginThrottle(clock);

    @Test
    void fiveFailuresAreFreeThenEachDoublesTheWait() {
        for (int i = 0; i < LoginThrottle.FREE_FAILURES; i++) {
            throttle.failed("alice", "10.0.0.1");
            assertThat(throttle.secondsToWait("alice", "10.0.0.1")).isZero();
        }
        long[] waits = {1, 2, 4, 8, 16};
        for (long wait : waits) {
            throttle.failed("alice", "10.0.0.1");
            assertThat(throttle.secondsToWait("alice", "10.0.0.1")).isEqualTo(wait);
            clock.advance(Duration.ofSeconds(wait));
            assertThat(throttle.secondsToWait("alice", "10.0.0.1")).isZero();
        }
    }

    @Test
    void theWaitStopsGrowingAtFiveMinutes() {
        for (int i = 0; i < 40; i++) {
            throttle.failed("alice", "10.0.0.1");
        }
        assertThat(throttle.secondsToWait("alice", "10.0.0.1")).isEqualTo(300);
    }

    @Test
    void itIsPerUserAndAddressAndASuccessStartsAgain() {
        for (int i = 0; i <= LoginThrottle.FREE_FAILURES; i++) {
            throttle.failed("Alice", "10.0.0.1");
        }
        assertThat(throttle.secondsToWait("alice", "10.0.0.1")).as("user names in any case").isEqualTo(1);
        assertThat(throttle.secondsToWait("alice", "10.0.0.2")).as("another address").isZero();
        assertThat(throttle.secondsToWait("bob", "10.0.0.1")).as("another user").isZero();

        throttle.succeeded("alice", "10.0.0.1");
        throttle.failed("alice", "10.0.0.1");
        assertThat(throttle.secondsToWait("alice", "10.0.0.1")).isZero();
    }

    @Test
    void failuresAreForgottenAfterAQuarterOfAnHour() {
        for (int i = 0; i < 8; i++) {
            throttle.failed("alice", "10.0.0.1");
        }
        clock.advance(LoginThrottle.FORGET_AFTER.plusSeconds(1));
        throttle.failed("carol", "10.0.0.9"); // any failure sweeps old entries
        throttle.failed("alice", "10.0.0.1");
        assertThat(throttle.secondsToWait("alice", "10.0.0.1")).as("counting from one again").isZero();
    }
}
