package dev.portico.cp.auth;

import dev.portico.cp.api.Timestamped;
import dev.portico.cp.api.Violations;
import dev.portico.cp.audit.AuditAction;
import dev.portico.cp.audit.AuditObject;
import dev.portico.cp.audit.AuditTrail;
import dev.portico.cp.error.ProblemException;
import dev.portico.cp.paging.Page;
import dev.portico.cp.paging.PageRequest;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Admins managing users: create, list, change role or reset password, delete. There is always at
 * least one admin: the last one can be neither deleted nor demoted. Passwords never reach the audit log.
 */
@ApplicationScoped
public class UserAccounts {

    private final AuditTrail audit;

    UserAccounts(AuditTrail audit) {
        this.audit = audit;
    }

    /** Names differing only in case are taken too: the login throttle does not tell them apart. */
    @Transactional
    public UserView create(UserRequest request) {
        Violations violations = new Violations();
        if (request.username() == null || !request.username().matches(UserRequest.USERNAME)) {
            violations.add("username", UserRequest.USERNAME_RULE);
        }
        PasswordPolicy.check(violations, "password", request.username(), request.password());
        if (!Roles.known(request.role())) {
            violations.add("role", Roles.ONE_OF);
        }
        violations.throwIfAny();
        if (AdminUser.count("lower(username) = ?1", request.username().toLowerCase(Locale.ROOT)) > 0) {
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

    /** A new role takes effect on the user's next request; a new password refuses their older tokens. */
    @Transactional
    public UserView update(String username, UserPatch patch) {
        AdminUser user = require(username);
        Violations violations = new Violations();
        if (patch.role() != null && !Roles.known(patch.role())) {
            violations.add("role", Roles.ONE_OF);
        }
        if (patch.password() != null) {
            PasswordPolicy.check(violations, "password", username, patch.password());
        }
        violations.throwIfAny();
        List<String> changes = new ArrayList<>();
        if (patch.role() != null && !patch.role().equals(user.role)) {
            if (Roles.ADMIN.equals(user.role)) {
                keepAnotherAdmin(user, "demote");
            }
            changes.add("role " + user.role + " → " + patch.role());
            user.role = patch.role();
        }
        if (patch.password() != null) {
            AdminUsers.setPassword(user, patch.password());
            changes.add("password reset");
        }
        if (!changes.isEmpty()) {
            audit.record(AuditAction.UPDATE, AuditObject.USER, username, "user " + username + ": " + String.join(", ", changes));
        }
        return UserView.of(user);
    }

    /** Nobody deletes themselves, and the last admin stays. */
    @Transactional
    public void delete(String username, String caller) {
        AdminUser user = require(username);
        if (user.username.equals(caller)) {
            throw ProblemException.conflict("CANNOT_DELETE_SELF", "you cannot delete your own user");
        }
        if (Roles.ADMIN.equals(user.role)) {
            keepAnotherAdmin(user, "delete");
        }
        user.delete();
        audit.record(AuditAction.DELETE, AuditObject.USER, user.username, "user " + user.username);
    }

    /**
     * Locks every admin row, so two admins demoting each other at once cannot leave none: the second
     * waits for the first and then sees one admin fewer.
     */
    private static void keepAnotherAdmin(AdminUser admin, String what) {
        long admins = AdminUser.<AdminUser>find("role", Roles.ADMIN).withLock(LockModeType.PESSIMISTIC_WRITE).list().size();
        if (admins <= 1) {
            throw ProblemException.conflict("LAST_ADMIN", "cannot " + what + " " + admin.username
                    + ": it is the last admin (make another user admin first)");
        }
    }

    private static AdminUser require(String username) {
        AdminUser user = AdminUser.findById(username);
        if (user == null) {
            throw ProblemException.notFound("user " + username);
        }
        return user;
    }
}
