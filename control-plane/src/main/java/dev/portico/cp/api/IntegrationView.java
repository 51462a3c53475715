package dev.portico.cp.api;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.Map;

/**
 * An integration as the admin API shows it: {@code id, type, revision, createdAt, updatedAt} and the
 * settings of its type only (HTTP_PROXY: uri, method, timeoutMillis, tls,
 * requestParameters; MOCK: statusCode, headers,
 * body; FUNCTION: uri, payloadFormatVersion, timeoutMillis).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IntegrationView(String id, IntegrationType type, String uri, String method, Integer timeoutMillis,
                              IntegrationRequest.Tls tls, Integer statusCode, Map<String, String> headers,
                              String body, Map<String, String> requestParameters, String payloadFormatVersion,
                              long revision, Instant createdAt, Instant updatedAt) {

    static IntegrationView of(IntegrationEntity e) {
        IntegrationRequest.Tls tls = e.type == IntegrationType.HTTP_PROXY
                ? new IntegrationRequest.Tls(Boolean.TRUE.equals(e.tlsInsecureSkipVerify)) : null;
        return new IntegrationView(e.id, e.type, e.uri, e.method, e.timeoutMillis, tls, e.statusCode, e.headers,
                e.body, e.type == IntegrationType.HTTP_PROXY && e.requestParameters == null ? Map.of() : e.requestParameters,
                e.payloadFormatVersion, e.revision, e.createdAt, e.updatedAt);
    }
}
