package dev.portico.cp.api;

import dev.portico.snapshot.FunctionIntegration;
import dev.portico.snapshot.HttpProxyIntegration;
import dev.portico.snapshot.ParameterMapping;
import dev.portico.snapshot.RouteKey;

import java.util.Map;
import java.util.TreeMap;

/**
 * The body of POST and PATCH on integrations: {@code {type: "HTTP_PROXY", uri, method, timeoutMillis,
 * tls: {insecureSkipVerify}, requestParameters, responseParameters}}, {@code {type: "FUNCTION", uri,
 * payloadFormatVersion, timeoutMillis, responseParameters}} or {@code {type: "MOCK", statusCode, headers,
 * body}}. In a PATCH, absent fields keep their value.
 */
public record IntegrationRequest(String type, String uri, String method, Integer timeoutMillis, Tls tls,
                                 Integer statusCode, Map<String, String> headers, String body,
                                 Map<String, String> requestParameters,
                                 Map<String, Map<String, String>> responseParameters,
                                 String payloadFormatVersion) {

    private static final String TYPES = "HTTP_PROXY, FUNCTION or MOCK";

    public static final int MIN_TIMEOUT_MILLIS = 50;
    public static final int MAX_BODY_LENGTH = 1_048_576;

    public static final int MAX_REQUEST_PARAMETERS = 50;

    /** An integration of a type other than FUNCTION. */
    public IntegrationRequest(String type, String uri, String method, Integer timeoutMillis, Tls tls,
                              Integer statusCode, Map<String, String> headers, String body,
                              Map<String, String> requestParameters,
                              Map<String, Map<String, String>> responseParameters) {
        this(type, uri, method, timeoutMillis, tls, statusCode, headers, body, requestParameters, responseParameters,
                null);
    }

    /** A FUNCTION integration without response parameter mapping. */
    public static IntegrationRequest function(String uri, String payloadFormatVersion, Integer timeoutMillis) {
        return new IntegrationRequest(IntegrationType.FUNCTION.name(), uri, null, timeoutMillis, null, null, null, null,
                null, null, payloadFormatVersion);
    }

    /** An integration without response parameter mapping. */
    public IntegrationRequest(String type, String uri, String method, Integer timeoutMillis, Tls tls,
                              Integer statusCode, Map<String, String> headers, String body,
                              Map<String, String> requestParameters) {
        this(type, uri, method, timeoutMillis, tls, statusCode, headers, body, requestParameters, null);
    }

    /** An integration without request parameter mapping. */
    public IntegrationRequest(String type, String uri, String method, Integer timeoutMillis, Tls tls,
                              Integer statusCode, Map<String, String> headers, String body) {
        this(type, uri, method, timeoutMillis, tls, statusCode, headers, body, null);
    }

    /** TLS towards the backend. */
    public record Tls(Boolean insecureSkipVerify) {
    }

    /**
     * This request laid over an existing integration, as a PATCH asks. A change of type starts from
     * nothing: fields of the old type do not carry over.
     */
    public IntegrationRequest over(IntegrationFields current) {
        if (type != null && !type.equals(current.type().name())) {
            return this;
        }
        Tls currentTls = current.tlsInsecureSkipVerify() == null ? null : new Tls(current.tlsInsecureSkipVerify());
        return new IntegrationRequest(current.type().name(), or(uri, current.uri()), or(method, current.method()),
                or(timeoutMillis, current.timeoutMillis()), or(tls, currentTls), or(statusCode, current.statusCode()),
                or(headers, current.headers()), or(body, current.body()),
                or(requestParameters, current.requestParameters()),
                or(responseParameters, current.responseParameters()),
                or(payloadFormatVersion, current.payloadFormatVersion()));
    }

    /** The valid settings this request describes, defaults applied; or a 400 naming every bad field. */
    public IntegrationFields validate() {
        Violations violations = new Violations();
        IntegrationType kind = type(violations);
        if (kind == IntegrationType.HTTP_PROXY) {
            checkHttpProxy(violations);
        } else if (kind == IntegrationType.MOCK) {
            checkMock(violations);
        } else if (kind == IntegrationType.FUNCTION) {
            checkFunction(violations);
        }
        violations.throwIfAny();
        if (kind == IntegrationType.FUNCTION) {
            return new IntegrationFields(kind, uri, null, or(timeoutMillis, HttpProxyIntegration.DEFAULT_TIMEOUT_MILLIS),
                    null, null, null, null, null, or(responseParameters, Map.of()),
                    or(payloadFormatVersion, FunctionIntegration.VERSION_2));
        }
        return kind == IntegrationType.HTTP_PROXY
                ? new IntegrationFields(kind, uri, or(method, RouteKey.ANY),
                        or(timeoutMillis, HttpProxyIntegration.DEFAULT_TIMEOUT_MILLIS),
                        tls != null && Boolean.TRUE.equals(tls.insecureSkipVerify()), null, null, null,
                        or(requestParameters, Map.of()), or(responseParameters, Map.of()))
                : new IntegrationFields(kind, null, null, null, null, or(statusCode, 200), or(headers, Map.of()),
                        or(body, ""), null, null);
    }

    private IntegrationType type(Violations violations) {
        if (type == null) {
            violations.add("type", "is required: " + TYPES);
            return null;
        }
        try {
            return IntegrationType.valueOf(type);
        } catch (IllegalArgumentException e) {
            violations.add("type", "must be " + TYPES + ", not \"" + type + "\"");
            return null;
        }
    }

    private void checkHttpProxy(Violations violations) {
        checkUri(violations, "HTTP_PROXY");
        if (method != null && !RouteKey.METHODS.contains(method)) {
            violations.add("method",
                    "must be one of GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS or ANY (the client's method)");
        }
        checkTimeout(violations);
        notAllowed(violations, "payloadFormatVersion", payloadFormatVersion, "HTTP_PROXY");
        if (requestParameters != null) {
            checkRequestParameters(violations);
        }
        if (responseParameters != null) {
            ResponseParametersCheck.check(responseParameters, violations);
        }
        notAllowed(violations, "statusCode", statusCode, "HTTP_PROXY");
        notAllowed(violations, "headers", headers, "HTTP_PROXY");
        notAllowed(violations, "body", body, "HTTP_PROXY");
    }

    private void checkUri(Violations violations, String kind) {
        if (uri == null || uri.isBlank()) {
            violations.add("uri", "is required for " + kind + " integrations");
        } else {
            String problem = BackendUri.problem(uri);
            if (problem != null) {
                violations.add("uri", problem);
            }
        }
    }

    private void checkTimeout(Violations violations) {
        int maxTimeout = HttpProxyIntegration.MAX_TIMEOUT_MILLIS;
        if (timeoutMillis != null && (timeoutMillis < MIN_TIMEOUT_MILLIS || timeoutMillis > maxTimeout)) {
            violations.add("timeoutMillis", "must be between " + MIN_TIMEOUT_MILLIS + " and " + maxTimeout);
        }
    }

    /** A function is invoked at its URI (the Lambda Invoke path, or any service speaking the format). */
    private void checkFunction(Violations violations) {
        checkUri(violations, "FUNCTION");
        checkTimeout(violations);
        if (payloadFormatVersion != null && !FunctionIntegration.VERSIONS.contains(payloadFormatVersion)) {
            violations.add("payloadFormatVersion", "must be \"1.0\" or \"2.0\", not \"" + payloadFormatVersion + "\"");
        }
        if (responseParameters != null) {
            ResponseParametersCheck.check(responseParameters, violations);
        }
        notAllowed(violations, "method", method, "FUNCTION");
        notAllowed(violations, "tls", tls, "FUNCTION");
        notAllowed(violations, "requestParameters", requestParameters, "FUNCTION");
        notAllowed(violations, "statusCode", statusCode, "FUNCTION");
        notAllowed(violations, "headers", headers, "FUNCTION");
        notAllowed(violations, "body", body, "FUNCTION");
    }

    private void checkMock(Violations violations) {
        if (statusCode != null && (statusCode < 100 || statusCode > 599)) {
            violations.add("statusCode", "must be between 100 and 599");
        }
        if (headers != null) {
            MockHeaders.check(headers, violations);
        }
        if (body != null && body.length() > MAX_BODY_LENGTH) {
            violations.add("body", "must be at most " + MAX_BODY_LENGTH + " characters");
        }
        notAllowed(violations, "uri", uri, "MOCK");
        notAllowed(violations, "method", method, "MOCK");
        notAllowed(violations, "timeoutMillis", timeoutMillis, "MOCK");
        notAllowed(violations, "tls", tls, "MOCK");
        notAllowed(violations, "requestParameters", requestParameters, "MOCK");
        notAllowed(violations, "responseParameters", responseParameters, "MOCK");
        notAllowed(violations, "payloadFormatVersion", payloadFormatVersion, "MOCK");
    }

    /** Each mapping parsed as the node will parse it; errors at {@code requestParameters.<key>}. */
    private void checkRequestParameters(Violations violations) {
        if (requestParameters.size() > MAX_REQUEST_PARAMETERS) {
            violations.add("requestParameters", "must be at most " + MAX_REQUEST_PARAMETERS + " mappings");
            return;
        }
        new TreeMap<>(requestParameters).forEach((key, value) -> {
            try {
                ParameterMapping.parse(key, value);
            } catch (IllegalArgumentException e) {
                violations.add("requestParameters." + key, e.getMessage());
            }
        });
    }

    private static void notAllowed(Violations violations, String field, Object value, String type) {
        if (value != null) {
            violations.add(field, "is not a setting of " + type + " integrations");
        }
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }
}
