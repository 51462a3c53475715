package dev.portico.cp.auth;

import dev.portico.cp.config.PorticoConfig;
import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.Set;

/**
 * Signs admin API tokens: subject = username, groups = the user's role at issue time (informative:
 * {@link StoredStanding} reads the current role on every request), {@value #VERSION_CLAIM} = the
 * user's credentials version, so a password change refuses the tokens issued before it.
 */
@ApplicationScoped
public class TokenIssuer {

    static final String VERSION_CLAIM = "cv";

    private final SigningKeys keys;
    private final Duration lifetime;

    TokenIssuer(SigningKeys keys, PorticoConfig config) {
        this.keys = keys;
        this.lifetime = config.tokenLifetime();
    }

    public TokenResponse issue(AdminUser user) {
        String token = Jwt.issuer(JwtVerification.ISSUER)
                .subject(user.username)
                .upn(user.username)
                .groups(Set.of(user.role))
                .claim(VERSION_CLAIM, user.credentialsVersion)
                .expiresIn(lifetime)
                .jws()
                .keyId(keys.keyId())
                .sign(keys.privateKey());
        return new TokenResponse(token, "Bearer", lifetime.toSeconds());
    }
}
