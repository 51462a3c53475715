package dev.portico.cp.auth;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** {@code POST /admin/v1/auth/password} body: the signed-in user changes their own password. */
public record PasswordChange(
        @NotNull @Size(max = 256) String currentPassword,
        @NotNull @Size(min = PasswordPolicy.MIN_LENGTH, max = 72, message = "must be 12 to 72 characters")
        String newPassword) {
}
