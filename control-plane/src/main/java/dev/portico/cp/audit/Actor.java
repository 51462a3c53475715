package dev.portico.cp.audit;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

/**
 * Who makes the changes of the request being served. The admin API's caller comes from its bearer
 * token ({@link SecurityIdentity}); the console names its signed-in user with {@link #signIn}, as
 * its cookie is not a credential of the admin API.
 */
@RequestScoped
public class Actor {

    /** Who changes things outside any request (startup). */
    public static final String SYSTEM = "system";

    @Inject
    SecurityIdentity identity;

    private String consoleUser;

    /** The console's signed-in user makes this request's changes. */
    public void signIn(String username) {
        this.consoleUser = username;
    }

    public String name() {
        if (consoleUser != null) {
            return consoleUser;
        }
        return identity.isAnonymous() ? SYSTEM : identity.getPrincipal().getName();
    }
}
