package dev.portico.cp.console;

import dev.portico.cp.auth.Roles;

/**
 * Who is signed in to the console, read from the session cookie on every request.
 *
 * @param token the admin token the cookie holds
 * @param csrf  the form token of this session (see {@link Sessions#csrf})
 */
public record ConsoleSession(String username, String role, String token, String csrf) {

    /** Viewers may look at everything and change nothing, as in the admin API. */
    public boolean canWrite() {
        return Roles.ADMIN.equals(role) || Roles.EDITOR.equals(role);
    }

    /** Only admins manage users. */
    public boolean isAdmin() {
        return Roles.ADMIN.equals(role);
    }
}
