package dev.portico.cp.auth;

import dev.portico.cp.api.Violations;
import dev.portico.cp.audit.AuditAction;
import dev.portico.cp.audit.AuditObject;
import dev.portico.cp.audit.AuditTrail;
import dev.portico.cp.error.FieldError;
import dev.portico.cp.error.LoginThrottledException;
import dev.portico.cp.error.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Optional;

/**
 * Signing in: checking passwords (throttled), creating the first admin, telling whether a token still
 * stands, and a user changing their own password. Managing other users is {@link UserAccounts}.
 */
@ApplicationScoped
public class AdminUsers {

    public static final String FIRST_ADMIN = "admin";

    @Inject
    AuditTrail audit;

    @Inject
    LoginThrottle throttle;

    private final EntityManager entityManager;

    AdminUsers(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * The user, when the password is right. Costs the same whether the user exists or not. Throws
     * {@link LoginThrottledException} while {@link LoginThrottle} makes this user and client wait.
     */
    public Optional<AdminUser> authenticate(String username, String password, String client) {
        long wait = throttle.secondsToWait(username, client);
        if (wait > 0) {
            throw new LoginThrottledException(wait);
        }
        AdminUser user = find(username);
        boolean matches = Passwords.matches(password, user == null ? null : user.passwordHash);
        if (user != null && matches) {
            throttle.succeeded(username, client);
            return Optional.of(user);
        }
        throttle.failed(username, client);
        return Optional.empty();
    }

    /**
     * The role a token of {@code username} issued at {@code credentialsVersion} has now: empty when
     * the user is gone or changed password since (the token no longer stands).
     */
    @Transactional
    public Optional<String> currentRole(String username, int credentialsVersion) {
        AdminUser user = find(username);
        return user == null || user.credentialsVersion != credentialsVersion ? Optional.empty() : Optional.of(user.role);
    }

    /**
     * The signed-in user changes their own password; a wrong current password is a 400 on
     * {@code currentPassword} and counts as a failed login. Their older tokens stop working.
     */
    @Transactional
    public AdminUser changeOwnPassword(String username, PasswordChange change, String client) {
        AdminUser user = authenticate(username, change.currentPassword(), client)
                .orElseThrow(() -> new ProblemException(400, "WRONG_PASSWORD", "Bad Request",
                        "currentPassword: is not your current password",
                        List.of(new FieldError("currentPassword", "is not your current password"))));
        Violations violations = PasswordPolicy.check(new Violations(), "newPassword", username, change.newPassword());
        if (change.currentPassword().equals(change.newPassword())) {
            violations.add("newPassword", "must differ from the current password");
        }
        violations.throwIfAny();
        setPassword(user, change.newPassword());
        audit.record(AuditAction.UPDATE, AuditObject.USER, username, "user " + username + ": changed own password");
        return user;
    }

    @Transactional
    AdminUser find(String username) {
        return username == null ? null : AdminUser.findById(username);
    }

    /** True before the first admin exists: no user at all. */
    @Transactional
    public boolean none() {
        return AdminUser.count() == 0;
    }

    /**
     * Creates the user {@value #FIRST_ADMIN} unless it exists; true when this call created it. Safe
     * when several replicas start together: only one of them creates it.
     */
    @Transactional
    public boolean createFirstAdmin(String password) {
        return entityManager.createNativeQuery("""
                        INSERT INTO admin_user (username, password_hash, role, created_at)
                        VALUES (?1, ?2, ?3, now()) ON CONFLICT (username) DO NOTHING""")
                .setParameter(1, FIRST_ADMIN)
                .setParameter(2, Passwords.hash(password))
                .setParameter(3, Roles.ADMIN)
                .executeUpdate() == 1;
    }

    /** A new password refuses every token issued before it. */
    static void setPassword(AdminUser user, String password) {
        user.passwordHash = Passwords.hash(password);
        user.credentialsVersion++;
    }
}
