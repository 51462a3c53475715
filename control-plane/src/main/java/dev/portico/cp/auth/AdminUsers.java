package dev.portico.cp.auth;

import dev.portico.cp.audit.AuditAction;
import dev.portico.cp.audit.AuditObject;
import dev.portico.cp.audit.AuditTrail;
import dev.portico.cp.api.Timestamped;
import dev.portico.cp.error.LoginThrottledException;
import dev.portico.cp.error.ProblemException;
import dev.portico.cp.paging.Page;
import dev.portico.cp.paging.PageRequest;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Optional;

/** The admin API's users: checking passwords, creating the first admin, managing the rest. */
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

    @Transactional
    AdminUser find(String username) {
        return AdminUser.findById(username);
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

    @Transactional
    public UserView create(UserRequest request) {
        if (find(request.username()) != null) {
            throw ProblemException.conflict("USERNAME_TAKEN", "username",
                    "a user named " + request.username() + " exists");
        }
        AdminUser user = new AdminUser();
        user.username = request.username();
        user.passwordHash = Passwords.hash(request.password());
        user.role = request.role();
        user.createdAt = Timestamped.now();
        user.persist();
        audit.record(AuditAction.CREATE, AuditObject.USER, user.username, "user " + user.username + " (" + user.role + ")");
        return UserView.of(user);
    }

    @Transactional
    public Page<UserView> list(PageRequest page) {
        List<AdminUser> rows = AdminUser.<AdminUser>find("username > ?1", Sort.by("username"), page.afterKey())
                .range(0, page.limit()).list();
        return Page.of(rows, page, u -> u.username).map(UserView::of);
    }

    @Transactional
    public UserView get(String username) {
        return UserView.of(require(username));
    }

    /** Deletes a user; nobody deletes themselves, so the last admin always remains. */
    @Transactional
    public void delete(String username, String caller) {
        AdminUser user = require(username);
        if (user.username.equals(caller)) {
            throw ProblemException.conflict("CANNOT_DELETE_SELF", "you cannot delete your own user");
        }
        user.delete();
        audit.record(AuditAction.DELETE, AuditObject.USER, user.username, "user " + user.username);
    }

    private AdminUser require(String username) {
        AdminUser user = find(username);
        if (user == null) {
            throw ProblemException.notFound("user " + username);
        }
        return user;
    }
}
