package dev.portico.cp.auth;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;

import java.util.Set;

/**
 * Tells SmallRye JWT how to verify admin tokens: with the public key kept in the database, which
 * only exists at run time (so it cannot be {@code mp.jwt.verify.publickey} configuration). This
 * replaces the configuration-based {@code JWTAuthContextInfo} of quarkus-smallrye-jwt.
 */
@ApplicationScoped
public class JwtVerification {

    /** The "iss" of every admin token. */
    public static final String ISSUER = "portico";

    @Produces
    @Alternative
    @Priority(1)
    @ApplicationScoped
    JWTAuthContextInfo verification(SigningKeys keys) {
        JWTAuthContextInfo info = new JWTAuthContextInfo(keys.publicKey(), ISSUER);
        info.setSignatureAlgorithm(Set.of(SignatureAlgorithm.RS256));
        return info;
    }
}
