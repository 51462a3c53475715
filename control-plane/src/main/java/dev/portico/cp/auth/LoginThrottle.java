package dev.portico.cp.auth;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing, per user name and client address (so a guesser elsewhere cannot lock a
 * user out of the place they work from). The first {@value #FREE_FAILURES} wrong passwords in a
 * row cost nothing; each further one makes the next attempt wait twice as long as the last — 1 s,
 * 2 s, 4 s … up to 5 minutes — right password or not. A right password starts the count again.
 * Kept in memory, per control-plane replica; entries are forgotten 15 minutes after their last failure.
 */
@ApplicationScoped
public class LoginThrottle {

    static final int FREE_FAILURES = 5;
    static final Duration FIRST_WAIT = Duration.ofSeconds(1);
    static final Duration LONGEST_WAIT = Duration.ofMinutes(5);
    static final Duration FORGET_AFTER = Duration.ofMinutes(15);
    private static final int MAX_DOUBLINGS = 20;

    private record Failures(int count, Instant last, Instant blockedUntil) {
    }

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private final Clock clock;

    LoginThrottle() {
        this(Clock.systemUTC());
    }

    LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** Whole seconds until {@code username} may try again from {@code client}; 0 when now. */
    public long secondsToWait(String username, String client) {
        Failures known = failures.get(key(username, client));
        if (known == null || known.blockedUntil() == null) {
            return 0;
        }
        long millis = Duration.between(clock.instant(), known.blockedUntil()).toMillis();
        return millis <= 0 ? 0 : (millis + 999) / 1000;
    }

    public void failed(String username, String client) {
        Instant now = clock.instant();
        forgetOld(now);
        failures.compute(key(username, client), (key, known) -> {
            int count = known == null ? 1 : known.count() + 1;
            return new Failures(count, now, count > FREE_FAILURES ? now.plus(wait(count)) : null);
        });
    }

    public void succeeded(String username, String client) {
        failures.remove(key(username, client));
    }

    private static Duration wait(int count) {
        int doublings = Math.min(MAX_DOUBLINGS, count - FREE_FAILURES - 1);
        Duration wait = FIRST_WAIT.multipliedBy(1L << doublings);
        return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
    }

    private void forgetOld(Instant now) {
        Instant cutoff = now.minus(FORGET_AFTER);
        failures.values().removeIf(known -> known.last().isBefore(cutoff));
    }

    private static String key(String username, String client) {
        return (username == null ? "" : username.toLowerCase(Locale.ROOT)) + '\n' + (client == null ? "" : client);
    }
}
