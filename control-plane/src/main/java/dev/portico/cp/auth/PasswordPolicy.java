package dev.portico.cp.auth;

import dev.portico.cp.api.Violations;

import java.nio.charset.StandardCharsets;

/**
 * What a new password must be, wherever it is set (create, reset, own change): at least 12
 * characters, at most 72 bytes in UTF-8 (bcrypt ignores the rest) and not the username.
 */
final class PasswordPolicy {

    static final int MIN_LENGTH = 12;
    static final int MAX_BYTES = 72;

    private PasswordPolicy() {
    }

    /** Adds an error on {@code field} when {@code password} breaks the policy. */
    static Violations check(Violations violations, String field, String username, String password) {
        if (password == null || password.length() < MIN_LENGTH) {
            return violations.add(field, "must be at least " + MIN_LENGTH + " characters");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return violations.add(field, "must be at most " + MAX_BYTES + " bytes (bcrypt reads no more)");
        }
        if (password.equalsIgnoreCase(username)) {
            return violations.add(field, "must not be the username");
        }
        return violations;
    }
}
