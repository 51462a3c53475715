package dev.portico.cp.api;

import dev.portico.snapshot.AuthorizationType;

import java.util.List;

/**
 * A valid authorizer's settings, defaults applied: JWT uses issuer, audiences, jwksUri (null:
 * OIDC discovery) and identitySource; CUSTOM uses uri, identitySources, resultTtlSeconds,
 * timeoutMillis, enableSimpleResponses and payloadFormatVersion; the other type's fields are null.
 */
public record AuthorizerFields(String name, AuthorizationType type, String issuer, List<String> audiences,
                               String jwksUri, String identitySource, String uri, List<String> identitySources,
                               Integer resultTtlSeconds, Integer timeoutMillis, Boolean enableSimpleResponses,
                               String payloadFormatVersion) {

    public AuthorizerFields {
        audiences = audiences == null ? null : List.copyOf(audiences);
        identitySources = identitySources == null ? null : List.copyOf(identitySources);
    }
}
