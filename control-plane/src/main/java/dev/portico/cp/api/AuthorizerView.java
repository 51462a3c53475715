package dev.portico.cp.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.portico.snapshot.AuthorizationType;

import java.time.Instant;
import java.util.List;

/**
 * An authorizer as the admin API shows it: {@code id, name, type, revision, createdAt, updatedAt} and
 * the settings of its type only. {@code revision} is also its ETag.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuthorizerView(String id, String name, AuthorizationType type, String issuer, List<String> audiences,
                             String jwksUri, String identitySource, String uri, List<String> identitySources,
                             Integer resultTtlSeconds, Integer timeoutMillis, Boolean enableSimpleResponses,
                             String payloadFormatVersion, long revision, Instant createdAt, Instant updatedAt) {

    static AuthorizerView of(AuthorizerEntity a) {
        return new AuthorizerView(a.id, a.name, a.type, a.issuer, a.audiences, a.jwksUri, a.identitySource, a.uri,
                a.identitySources, a.resultTtlSeconds, a.timeoutMillis, a.enableSimpleResponses,
                a.payloadFormatVersion, a.revision, a.createdAt, a.updatedAt);
    }
}
