package dev.portico.cp.error;

import java.util.List;

/** 429 {@code LOGIN_THROTTLED}: too many wrong passwords in a row; answered with {@code Retry-After}. */
public class LoginThrottledException extends ProblemException {

    private final long retryAfterSeconds;

    public LoginThrottledException(long retryAfterSeconds) {
        super(429, "LOGIN_THROTTLED", "Too Many Requests", "too many wrong passwords in a row; try again in "
                + retryAfterSeconds + " s", List.of());
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
