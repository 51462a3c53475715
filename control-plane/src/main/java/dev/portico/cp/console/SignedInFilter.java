package dev.portico.cp.console;

import dev.portico.cp.audit.Actor;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.ext.Provider;

import java.util.Optional;

/**
 * Opens the session of every {@link SignedIn} request from its cookie. Without a valid one (none,
 * forged, expired) the browser goes to the login page, which sends it back here afterwards.
 */
@Provider
@SignedIn
@Priority(Priorities.AUTHENTICATION)
public class SignedInFilter implements ContainerRequestFilter {

    @Inject
    Sessions sessions;

    @Inject
    CurrentSession current;

    @Inject
    Actor actor;

    @Override
    public void filter(ContainerRequestContext request) {
        Cookie cookie = request.getCookies().get(Sessions.COOKIE);
        Optional<ConsoleSession> session = sessions.open(cookie == null ? null : cookie.getValue());
        if (session.isEmpty()) {
            request.abortWith(Navigation.toLogin(request.getUriInfo()));
            return;
        }
        current.set(session.get());
        actor.signIn(session.get().username());
    }
}
