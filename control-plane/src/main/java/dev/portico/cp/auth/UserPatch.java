package dev.portico.cp.auth;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** {@code PATCH /admin/v1/users/{username}} body: a new role, a new password (reset), or both. */
public record UserPatch(
        @Pattern(regexp = Roles.ADMIN + "|" + Roles.EDITOR + "|" + Roles.VIEWER,
                message = "must be one of admin, editor, viewer")
        String role,
        @Size(min = PasswordPolicy.MIN_LENGTH, max = 72, message = "must be 12 to 72 characters") String password) {
}
