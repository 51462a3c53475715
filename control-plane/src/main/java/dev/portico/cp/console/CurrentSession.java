package dev.portico.cp.console;

import jakarta.enterprise.context.RequestScoped;

/** The session of the request being served, opened by {@link SignedInFilter}. */
@RequestScoped
public class CurrentSession {

    private ConsoleSession session;

    void set(ConsoleSession session) {
        this.session = session;
    }

    ConsoleSession get() {
        if (session == null) {
            throw new IllegalStateException("no console session: is the resource @SignedIn?");
        }
        return session;
    }

    /** Null outside signed-in pages (the login page's errors). */
    ConsoleSession orNull() {
        return session;
    }

    /**
     * The session of a form POST that may change something: the form's CSRF token must be this
     * session's, and the role must allow writes. Every console POST starts here.
     */
    ConsoleSession write(String csrf) {
        checkCsrf(csrf);
        return writer();
    }

    /** The session of a form POST only admins may make (users): CSRF first, then the role. */
    ConsoleSession admin(String csrf) {
        checkCsrf(csrf);
        return admin();
    }

    /** The session of a page only admins see (users). */
    ConsoleSession admin() {
        ConsoleSession signedIn = get();
        if (!signedIn.isAdmin()) {
            throw new ConsoleRefusal(403, "Only admins manage users; your role is " + signedIn.role() + ".");
        }
        return signedIn;
    }

    /** The session of a page that is only a form for a change (edit, deploy, confirm): not for viewers. */
    ConsoleSession writer() {
        ConsoleSession signedIn = get();
        if (!signedIn.canWrite()) {
            throw new ConsoleRefusal(403, "Your role (" + signedIn.role() + ") may look but not change anything.");
        }
        return signedIn;
    }

    /** The session, when the form's CSRF token is this session's. */
    ConsoleSession checkCsrf(String csrf) {
        ConsoleSession signedIn = get();
        if (!Sessions.csrfMatches(signedIn, csrf)) {
            throw new ConsoleRefusal(403, "This form was not sent from a page of your session (its CSRF token is "
                    + "missing or wrong), so nothing was changed. Reload the page and try again.");
        }
        return signedIn;
    }

    /** What every page's header needs. */
    Chrome chrome(String section) {
        ConsoleSession s = get();
        return new Chrome(s.username(), s.role(), s.csrf(), section, s.canWrite(), s.isAdmin());
    }
}
