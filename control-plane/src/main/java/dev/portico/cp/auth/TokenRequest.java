package dev.portico.cp.auth;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** {@code POST /admin/v1/auth/token} body. */
public record TokenRequest(@NotBlank @Size(max = 64) String username,
                           @NotBlank @Size(max = 256) String password) {
}
