package dev.portico.cp.auth;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * An admin token's role is the user's role now, read from the database on every request, not the
 * one written into the token: a demoted admin loses admin rights at once. A token of a deleted user,
 * or issued before the user's last password change, is refused (401).
 */
@ApplicationScoped
public class StoredStanding implements SecurityIdentityAugmentor {

    private final AdminUsers users;

    StoredStanding(AdminUsers users) {
        this.users = users;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Uni.createFrom().item(identity);
        }
        return context.runBlocking(() -> {
            String role = users.currentRole(token.getName(), versionOf(token))
                    .orElseThrow(() -> new AuthenticationFailedException("the token's user is gone or changed password"));
            return QuarkusSecurityIdentity.builder()
                    .setPrincipal(token)
                    .addCredentials(identity.getCredentials())
                    .addAttributes(identity.getAttributes())
                    .addRole(role)
                    .build();
        });
    }

    /** Tokens from before versions existed count as version 0, as every user started there. */
    public static int versionOf(JsonWebToken token) {
        Object claim = token.getClaim(TokenIssuer.VERSION_CLAIM);
        return claim instanceof Number n ? n.intValue()
                : claim instanceof jakarta.json.JsonNumber j ? j.intValue() : 0;
    }
}
