package dev.portico.cp.auth;

import com.fasterxml.jackson.annotation.JsonProperty;

/** An OAuth2-style token answer: {@code {access_token, token_type: "Bearer", expires_in}} (seconds). */
public record TokenResponse(@JsonProperty("access_token") String accessToken,
                            @JsonProperty("token_type") String tokenType,
                            @JsonProperty("expires_in") long expiresIn) {
}
