package dev.portico.cp.auth;

import java.time.Instant;

/** A user as the admin API shows it (never the password hash). */
public record UserView(String username, String role, Instant createdAt) {

    static UserView of(AdminUser user) {
        return new UserView(user.username, user.role, user.createdAt);
    }
}
