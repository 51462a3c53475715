package dev.portico.cp.api;

import java.util.Map;

/**
 * A valid integration's settings, defaults applied: HTTP_PROXY uses uri, method, timeoutMillis,
 * tlsInsecureSkipVerify and requestParameters; MOCK uses statusCode, headers and body; FUNCTION uses uri,
 * timeoutMillis and payloadFormatVersion; the other types' fields are null.
 */
public record IntegrationFields(IntegrationType type, String uri, String method, Integer timeoutMillis,
                                Boolean tlsInsecureSkipVerify, Integer statusCode, Map<String, String> headers,
                                String body, Map<String, String> requestParameters, String payloadFormatVersion) {

    public IntegrationFields {
        headers = headers == null ? null : Map.copyOf(headers);
        requestParameters = requestParameters == null ? null : Map.copyOf(requestParameters);
    }

    /** An integration of any type but FUNCTION. */
    public IntegrationFields(IntegrationType type, String uri, String method, Integer timeoutMillis,
                             Boolean tlsInsecureSkipVerify, Integer statusCode, Map<String, String> headers,
                             String body, Map<String, String> requestParameters) {
        this(type, uri, method, timeoutMillis, tlsInsecureSkipVerify, statusCode, headers, body, requestParameters,
                null);
    }
}
