package dev.portico.cp.api;

import java.util.Map;

/**
 * A valid integration's settings, defaults applied: HTTP_PROXY uses uri, method, timeoutMillis,
 * tlsInsecureSkipVerify, requestParameters and responseParameters; FUNCTION uses uri, timeoutMillis,
 * payloadFormatVersion and responseParameters; MOCK uses statusCode, headers and body; the other
 * types' fields are null.
 */
public record IntegrationFields(IntegrationType type, String uri, String method, Integer timeoutMillis,
                                Boolean tlsInsecureSkipVerify, Integer statusCode, Map<String, String> headers,
                                String body, Map<String, String> requestParameters,
                                Map<String, Map<String, String>> responseParameters, String payloadFormatVersion) {

    public IntegrationFields {
        headers = headers == null ? null : Map.copyOf(headers);
        requestParameters = requestParameters == null ? null : Map.copyOf(requestParameters);
        responseParameters = responseParameters == null ? null : copy(responseParameters);
    }

    /** Settings of a type other than FUNCTION. */
    public IntegrationFields(IntegrationType type, String uri, String method, Integer timeoutMillis,
                             Boolean tlsInsecureSkipVerify, Integer statusCode, Map<String, String> headers,
                             String body, Map<String, String> requestParameters,
                             Map<String, Map<String, String>> responseParameters) {
        this(type, uri, method, timeoutMillis, tlsInsecureSkipVerify, statusCode, headers, body, requestParameters,
                responseParameters, null);
    }

    /** Settings without response parameter mapping. */
    public IntegrationFields(IntegrationType type, String uri, String method, Integer timeoutMillis,
                             Boolean tlsInsecureSkipVerify, Integer statusCode, Map<String, String> headers,
                             String body, Map<String, String> requestParameters) {
        this(type, uri, method, timeoutMillis, tlsInsecureSkipVerify, statusCode, headers, body, requestParameters,
                type == IntegrationType.MOCK ? null : Map.of());
    }

    private static Map<String, Map<String, String>> copy(Map<String, Map<String, String>> parameters) {
        Map<String, Map<String, String>> copy = new java.util.TreeMap<>();
        parameters.forEach((status, mappings) -> copy.put(status, mappings == null ? Map.of() : Map.copyOf(mappings)));
        return Map.copyOf(copy);
    }
}
