package dev.portico.cp.api;

import dev.portico.snapshot.AuthorizationType;
import dev.portico.snapshot.CustomAuthorizer;
import dev.portico.snapshot.JwtAuthorizer;
import dev.portico.snapshot.ParameterMapping;

import java.util.List;

/**
 * The body of POST and PATCH on authorizers: {@code {name, type: "JWT", issuer, audiences, jwksUri?,
 * identitySource?}} or {@code {name, type: "CUSTOM", uri, identitySources, resultTtlSeconds?,
 * timeoutMillis?, enableSimpleResponses?, payloadFormatVersion?}}. In a PATCH, absent fields keep
 * their value.
 */
public record AuthorizerRequest(String name, String type, String issuer, List<String> audiences, String jwksUri,
                                String identitySource, String uri, List<String> identitySources,
                                Integer resultTtlSeconds, Integer timeoutMillis, Boolean enableSimpleResponses,
                                String payloadFormatVersion) {

    public static final int MAX_NAME = 128;
    public static final int MIN_TIMEOUT_MILLIS = 50;

    /** This request laid over an existing authorizer; a change of type keeps only the name. */
    public AuthorizerRequest over(AuthorizerFields current) {
        if (type != null && !type.equals(current.type().name())) {
            return new AuthorizerRequest(or(name, current.name()), type, issuer, audiences, jwksUri, identitySource,
                    uri, identitySources, resultTtlSeconds, timeoutMillis, enableSimpleResponses, payloadFormatVersion);
        }
        return new AuthorizerRequest(or(name, current.name()), current.type().name(), or(issuer, current.issuer()),
                or(audiences, current.audiences()), or(jwksUri, current.jwksUri()),
                or(identitySource, current.identitySource()), or(uri, current.uri()),
                or(identitySources, current.identitySources()), or(resultTtlSeconds, current.resultTtlSeconds()),
                or(timeoutMillis, current.timeoutMillis()), or(enableSimpleResponses, current.enableSimpleResponses()),
                or(payloadFormatVersion, current.payloadFormatVersion()));
    }

    /** The valid settings this request describes, defaults applied; or a 400 naming every bad field. */
    public AuthorizerFields validate() {
        Violations violations = new Violations().text("name", name, MAX_NAME, true);
        AuthorizationType kind = type(violations);
        if (kind == AuthorizationType.JWT) {
            checkJwt(violations);
        } else if (kind == AuthorizationType.CUSTOM) {
            checkCustom(violations);
        }
        violations.throwIfAny();
        String cleanName = name.strip();
        return kind == AuthorizationType.JWT
                ? new AuthorizerFields(cleanName, kind, issuer, audiences, ApiRequests.emptyToNull(jwksUri),
                        or(identitySource, JwtAuthorizer.DEFAULT_IDENTITY_SOURCE), null, null, null, null, null, null)
                : new AuthorizerFields(cleanName, kind, null, null, null, null, uri, identitySources,
                        or(resultTtlSeconds, CustomAuthorizer.DEFAULT_RESULT_TTL_SECONDS),
                        or(timeoutMillis, CustomAuthorizer.DEFAULT_TIMEOUT_MILLIS),
                        or(enableSimpleResponses, true), CustomAuthorizer.PAYLOAD_FORMAT_VERSION);
    }

    private AuthorizationType type(Violations violations) {
        if (type == null) {
            violations.add("type", "is required: JWT or CUSTOM");
            return null;
        }
        if (type.equals("JWT") || type.equals("CUSTOM")) {
            return AuthorizationType.valueOf(type);
        }
        violations.add("type", "must be JWT or CUSTOM, not \"" + type + "\"");
        return null;
    }

    private void checkJwt(Violations violations) {
        url(violations, "issuer", issuer);
        if (audiences == null || audiences.isEmpty()) {
            violations.add("audiences", "must name at least one audience");
        } else if (audiences.stream().anyMatch(a -> a == null || a.isBlank())) {
            violations.add("audiences", "must not hold empty audiences");
        }
        if (jwksUri != null && !jwksUri.isBlank()) {
            url(violations, "jwksUri", jwksUri);
        }
        if (identitySource != null) {
            source(violations, "identitySource", identitySource);
        }
        notAllowed(violations, "uri", uri, "JWT");
        notAllowed(violations, "identitySources", identitySources, "JWT");
        notAllowed(violations, "resultTtlSeconds", resultTtlSeconds, "JWT");
        notAllowed(violations, "timeoutMillis", timeoutMillis, "JWT");
        notAllowed(violations, "enableSimpleResponses", enableSimpleResponses, "JWT");
        notAllowed(violations, "payloadFormatVersion", payloadFormatVersion, "JWT");
    }

    private void checkCustom(Violations violations) {
        url(violations, "uri", uri);
        if (identitySources == null || identitySources.isEmpty()) {
            violations.add("identitySources", "must name at least one identity source, e.g. $request.header.Authorization");
        } else {
            identitySources.forEach(s -> source(violations, "identitySources", s));
        }
        int maxTtl = CustomAuthorizer.MAX_RESULT_TTL_SECONDS;
        if (resultTtlSeconds != null && (resultTtlSeconds < 0 || resultTtlSeconds > maxTtl)) {
            violations.add("resultTtlSeconds", "must be between 0 (no caching) and " + maxTtl);
        }
        int maxTimeout = CustomAuthorizer.MAX_TIMEOUT_MILLIS;
        if (timeoutMillis != null && (timeoutMillis < MIN_TIMEOUT_MILLIS || timeoutMillis > maxTimeout)) {
            violations.add("timeoutMillis", "must be between " + MIN_TIMEOUT_MILLIS + " and " + maxTimeout);
        }
        if (payloadFormatVersion != null && !payloadFormatVersion.equals(CustomAuthorizer.PAYLOAD_FORMAT_VERSION)) {
            violations.add("payloadFormatVersion", "must be \"2.0\", the only version supported");
        }
        notAllowed(violations, "issuer", issuer, "CUSTOM");
        notAllowed(violations, "audiences", audiences, "CUSTOM");
        notAllowed(violations, "jwksUri", jwksUri, "CUSTOM");
        notAllowed(violations, "identitySource", identitySource, "CUSTOM");
    }

    private static void url(Violations violations, String field, String value) {
        if (value == null || value.isBlank()) {
            violations.add(field, "is required");
            return;
        }
        String problem = HttpUrl.problem(value);
        if (problem != null) {
            violations.add(field, problem);
        }
    }

    private static void source(Violations violations, String field, String value) {
        try {
            ParameterMapping.identitySource(value);
        } catch (IllegalArgumentException e) {
            violations.add(field, e.getMessage());
        }
    }

    private static void notAllowed(Violations violations, String field, Object value, String type) {
        if (value != null) {
            violations.add(field, "is not a setting of " + type + " authorizers");
        }
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }
}
