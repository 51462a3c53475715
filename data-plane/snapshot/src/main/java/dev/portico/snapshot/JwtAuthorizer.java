package dev.portico.snapshot;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.util.List;

/**
 * Verifies a JWT from an OpenID Connect issuer against the issuer's published keys (JWKS).
 *
 * @param issuer         the exact {@code iss} accepted
 * @param audiences      a token's {@code aud} (or, without one, {@code client_id}) must name one of these
 * @param jwksUri        where the keys are; null means OIDC discovery at
 *                       {@code issuer/.well-known/openid-configuration}
 * @param identitySource where the token is, e.g. {@code $request.header.Authorization}
 */
public record JwtAuthorizer(String id, String name, String issuer, List<String> audiences, String jwksUri,
                            String identitySource) implements Authorizer {

    public static final String TYPE = "JWT";
    public static final String DEFAULT_IDENTITY_SOURCE = "$request.header.Authorization";

    public JwtAuthorizer {
        audiences = audiences == null ? List.of() : List.copyOf(audiences);
        identitySource = identitySource == null ? DEFAULT_IDENTITY_SOURCE : identitySource;
    }

    @Override
    @JsonIgnore
    public AuthorizationType authorizationType() {
        return AuthorizationType.JWT;
    }
}
