package dev.portico.cp.console;

import dev.portico.cp.auth.AdminUser;
import dev.portico.cp.auth.AdminUsers;
import dev.portico.cp.auth.StoredStanding;
import dev.portico.cp.auth.TokenIssuer;
import dev.portico.cp.config.PorticoConfig;
import dev.portico.cp.database.Settings;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.jwt.JsonWebToken;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * Console sessions. The session is the admin API's own token (same users, same signing key, same
 * lifetime) kept in an HttpOnly, SameSite=Strict cookie; every console request verifies it. Forms
 * carry a CSRF token, the HMAC of the session token under a secret kept in the database, so it is
 * the same on every replica and dies with the session.
 */
@ApplicationScoped
public class Sessions {

    static final String COOKIE = "portico_session";
    static final String CSRF_FIELD = "_csrf";
    private static final String CSRF_SETTING = "console.csrf-secret";

    private final JWTParser parser;
    private final Settings settings;
    private final AdminUsers users;
    private final TokenIssuer issuer;
    private final Duration lifetime;
    private volatile SecretKeySpec secret;

    Sessions(JWTParser parser, Settings settings, AdminUsers users, TokenIssuer issuer, PorticoConfig config) {
        this.parser = parser;
        this.settings = settings;
        this.users = users;
        this.issuer = issuer;
        this.lifetime = config.tokenLifetime();
    }

    /** Read at start: requests must not wait on the database for it. */
    void load(@Observes StartupEvent event) {
        String value = settings.getOrCreate(CSRF_SETTING, Sessions::newSecret).value();
        secret = new SecretKeySpec(Base64.getDecoder().decode(value), "HmacSHA256");
    }

    /**
     * A new session token for the right password; empty for a wrong one (or an unknown user).
     * Throws {@link dev.portico.cp.error.LoginThrottledException} after too many wrong ones.
     */
    Optional<String> login(String username, String password, String client) {
        if (username == null || password == null) {
            return Optional.empty();
        }
        return users.authenticate(username, password, client).map(user -> issuer.issue(user).accessToken());
    }

    /**
     * The session the token opens: empty when it is missing, forged or expired, or its user is gone
     * or changed password since. The role is the user's role now (as for admin tokens, see
     * {@link StoredStanding}), not the one the token was issued with.
     */
    Optional<ConsoleSession> open(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        try {
            JsonWebToken jwt = parser.parse(token);
            return users.currentRole(jwt.getName(), StoredStanding.versionOf(jwt))
                    .map(role -> new ConsoleSession(jwt.getName(), role, token, csrf(token)));
        } catch (ParseException e) {
            return Optional.empty();
        }
    }

    /** A new session token for a user whose password just changed (the old one no longer stands). */
    String renew(AdminUser user) {
        return issuer.issue(user).accessToken();
    }

    /** The form token of a session. */
    String csrf(String token) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(secret);
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(token.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JVM has HmacSHA256", e);
        }
    }

    static boolean csrfMatches(ConsoleSession session, String given) {
        return given != null && MessageDigest.isEqual(session.csrf().getBytes(StandardCharsets.UTF_8),
                given.getBytes(StandardCharsets.UTF_8));
    }

    /** Set-Cookie for a new session; Secure when the console was reached over https. */
    String cookie(String token, boolean secure) {
        return COOKIE + "=" + token + "; Path=/; Max-Age=" + lifetime.toSeconds() + "; HttpOnly; SameSite=Strict"
                + (secure ? "; Secure" : "");
    }

    static String clearedCookie(boolean secure) {
        return COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "");
    }

    private static String newSecret() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
