package dev.portico.cp.api;

import dev.portico.snapshot.GatewayResponse;
import dev.portico.snapshot.GatewayResponseTemplate;
import dev.portico.snapshot.ParameterMapping;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The body of PUT on a gateway response: {@code {statusCode, headers, body}}, each optional (a null
 * status or body keeps the built-in one). Header values and the body may use
 * {@link GatewayResponseTemplate#CONTEXT_NAMES} and {@code $stageVariables.*}.
 */
public record GatewayResponseRequest(Integer statusCode, Map<String, String> headers, String body) {

    public static final int MAX_HEADERS = 20;

    /** The valid response, or a 400 naming every bad field. */
    public GatewayResponse validate() {
        Violations violations = new Violations();
        if (statusCode != null && (statusCode < 100 || statusCode > 599)) {
            violations.add("statusCode", "must be between 100 and 599");
        }
        if (headers != null) {
            checkHeaders(violations);
        }
        if (body != null) {
            if (body.length() > IntegrationRequest.MAX_BODY_LENGTH) {
                violations.add("body", "must be at most " + IntegrationRequest.MAX_BODY_LENGTH + " characters");
            } else {
                template("body", body, violations);
            }
        }
        violations.throwIfAny();
        return new GatewayResponse(statusCode, headers, body);
    }

    private void checkHeaders(Violations violations) {
        if (headers.size() > MAX_HEADERS) {
            violations.add("headers", "must be at most " + MAX_HEADERS + " headers");
            return;
        }
        MockHeaders.check(headers, violations);
        new TreeMap<>(headers).forEach((name, value) -> {
            String field = "headers." + name;
            if (ParameterMapping.RESERVED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                violations.add(field, "is set by the gateway and cannot be customised");
            } else if (value != null) {
                template(field, value, violations);
            }
        });
    }

    private static void template(String field, String text, Violations violations) {
        try {
            GatewayResponseTemplate.parse(text);
        } catch (IllegalArgumentException e) {
            violations.add(field, e.getMessage());
        }
    }
}
