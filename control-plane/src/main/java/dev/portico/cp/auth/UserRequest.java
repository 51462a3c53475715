package dev.portico.cp.auth;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** {@code POST /admin/v1/users} body. bcrypt reads at most 72 bytes of a password, hence the limit. */
public record UserRequest(
        @NotNull @Pattern(regexp = USERNAME, message = USERNAME_RULE)
        String username,
        @NotNull @Size(min = 12, max = 72, message = "must be 12 to 72 characters") String password,
        @NotBlank @Pattern(regexp = Roles.ADMIN + "|" + Roles.EDITOR + "|" + Roles.VIEWER,
                message = "must be one of admin, editor, viewer")
        String role) {

    static final String USERNAME = "[A-Za-z0-9][A-Za-z0-9._@-]{0,63}";
    static final String USERNAME_RULE = "must be 1 to 64 letters, digits or . _ @ - (starting with a letter or digit)";
}
