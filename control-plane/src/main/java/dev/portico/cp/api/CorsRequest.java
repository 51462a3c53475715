package dev.portico.cp.api;

import dev.portico.snapshot.Cors;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An API's {@code cors} in POST and PATCH on {@code /apis}: {@code {allowOrigins, allowMethods,
 * allowHeaders, exposeHeaders, maxAge, allowCredentials}}. Sent whole: a PATCH replaces the CORS
 * settings (or, with {@code "cors": null}, removes them).
 */
public record CorsRequest(List<String> allowOrigins, List<String> allowMethods, List<String> allowHeaders,
                          List<String> exposeHeaders, Integer maxAge, Boolean allowCredentials) {

    public static final int MAX_AGE = 86_400;
    public static final int MAX_ENTRIES = 100;
    public static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS",
            "TRACE", "CONNECT");

    // "*", scheme://host[:port] or scheme://*.domain[:port]: what a browser's Origin header can match
    private static final Pattern ORIGIN = Pattern.compile(
            "[a-z][a-z0-9+.-]*://(\\*\\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*(:[0-9]{1,5})?");
    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    /** The contract's CORS settings, or 400 naming every bad field as {@code cors.<field>}. */
    public Cors validate() {
        Violations violations = new Violations();
        checkList(violations, "allowOrigins", allowOrigins, CorsRequest::originProblem);
        checkList(violations, "allowMethods", allowMethods, CorsRequest::methodProblem);
        checkList(violations, "allowHeaders", allowHeaders, CorsRequest::headerProblem);
        checkList(violations, "exposeHeaders", exposeHeaders, CorsRequest::headerProblem);
        if (maxAge != null && (maxAge < 0 || maxAge > MAX_AGE)) {
            violations.add("cors.maxAge", "must be between 0 and " + MAX_AGE + " seconds");
        }
        if (Boolean.TRUE.equals(allowCredentials) && allowOrigins != null && allowOrigins.contains(Cors.ANY)) {
            violations.add("cors.allowCredentials", "cannot be true when allowOrigins has \"*\": browsers refuse "
                    + "credentials for any origin; list the origins instead");
        }
        violations.throwIfAny();
        return new Cors(allowOrigins, methods(), allowHeaders, exposeHeaders, maxAge,
                Boolean.TRUE.equals(allowCredentials));
    }

    private List<String> methods() {
        return allowMethods == null ? null : allowMethods.stream().map(m -> m.toUpperCase(Locale.ROOT)).toList();
    }

    private static void checkList(Violations violations, String field, List<String> values,
                                  java.util.function.Function<String, String> problem) {
        if (values == null) {
            return;
        }
        if (values.size() > MAX_ENTRIES) {
            violations.add("cors." + field, "must have at most " + MAX_ENTRIES + " entries");
            return;
        }
        values.stream().map(v -> v == null ? "must not hold null" : problem.apply(v)).filter(p -> p != null)
                .findFirst().ifPresent(p -> violations.add("cors." + field, p));
    }

    private static String originProblem(String origin) {
        if (origin.equals(Cors.ANY) || ORIGIN.matcher(origin).matches()) {
            return null;
        }
        return "\"" + origin + "\" is not an origin; use \"*\", scheme://host[:port] or scheme://*.domain, "
                + "lower case, without a path";
    }

    private static String methodProblem(String method) {
        if (method.equals(Cors.ANY) || METHODS.contains(method.toUpperCase(Locale.ROOT))) {
            return null;
        }
        return "\"" + method + "\" is not an HTTP method; use GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS or \"*\"";
    }

    private static String headerProblem(String header) {
        return header.equals(Cors.ANY) || TOKEN.matcher(header).matches() ? null
                : "\"" + header + "\" is not a header name";
    }
}
