package dev.portico.node.cors;

import dev.portico.snapshot.Cors;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * An API's CORS compiled once per snapshot: writes the preflight answer's headers and those of
 * every other response (the backend's, a mock's or the gateway's own). Any {@code Access-Control-*}
 * header already there is removed first, so the backend's never reach the browser.
 */
public final class CompiledCors {

    static final CharSequence ALLOW_ORIGIN = HttpHeaders.createOptimized("Access-Control-Allow-Origin");
    static final CharSequence ALLOW_METHODS = HttpHeaders.createOptimized("Access-Control-Allow-Methods");
    static final CharSequence ALLOW_HEADERS = HttpHeaders.createOptimized("Access-Control-Allow-Headers");
    static final CharSequence EXPOSE_HEADERS = HttpHeaders.createOptimized("Access-Control-Expose-Headers");
    static final CharSequence MAX_AGE = HttpHeaders.createOptimized("Access-Control-Max-Age");
    static final CharSequence ALLOW_CREDENTIALS = HttpHeaders.createOptimized("Access-Control-Allow-Credentials");
    private static final CharSequence VARY = HttpHeaders.createOptimized("Vary");
    private static final CharSequence ORIGIN = HttpHeaders.createOptimized("Origin");
    private static final CharSequence TRUE = HttpHeaders.createOptimized("true");
    private static final CharSequence STAR = HttpHeaders.createOptimized(Cors.ANY);
    private static final String ACCESS_CONTROL = "access-control-";

    private final AllowedOrigins origins;
    private final boolean anyMethod;
    private final Set<String> methods;
    private final String allowMethods;
    private final boolean anyHeader;
    private final String allowHeaders;
    private final String exposeHeaders;
    private final String maxAge;
    private final boolean credentials;

    private CompiledCors(Cors cors) {
        this.origins = AllowedOrigins.of(cors.allowOrigins());
        List<String> upper = new ArrayList<>();
        cors.allowMethods().forEach(m -> upper.add(m.trim().toUpperCase(Locale.ROOT)));
        this.anyMethod = upper.contains(Cors.ANY);
        this.methods = Set.copyOf(upper);
        this.allowMethods = String.join(", ", upper);
        this.anyHeader = cors.allowHeaders().contains(Cors.ANY);
        this.allowHeaders = joined(cors.allowHeaders());
        this.exposeHeaders = joined(cors.exposeHeaders());
        this.maxAge = cors.maxAge() == null ? null : Integer.toString(cors.maxAge());
        this.credentials = cors.allowCredentials();
    }

    /** Null when the API has no CORS. */
    public static CompiledCors compile(Cors cors) {
        return cors == null ? null : new CompiledCors(cors);
    }

    private static String joined(List<String> values) {
        return values.isEmpty() ? null : String.join(", ", values);
    }

    /**
     * The preflight answer: the configured headers when both the origin and the requested method are
     * allowed, else none (the browser then refuses the actual request).
     *
     * @param requestHeaders the preflight's {@code Access-Control-Request-Headers}, echoed when {@code *} is configured
     */
    public void writePreflight(MultiMap headers, String origin, String requestMethod, String requestHeaders) {
        removeAccessControl(headers);
        addVaryOrigin(headers);
        if (!origins.allows(origin) || !allowsMethod(requestMethod)) {
            return;
        }
        writeOrigin(headers, origin);
        headers.set(ALLOW_METHODS, anyMethod ? requestMethod : allowMethods);
        String allowed = anyHeader ? requestHeaders : allowHeaders;
        if (allowed != null && !allowed.isEmpty()) {
            headers.set(ALLOW_HEADERS, allowed);
        }
        if (maxAge != null) {
            headers.set(MAX_AGE, maxAge);
        }
    }

    /** Any response other than a preflight's: the origin, exposed headers and credentials for an allowed origin. */
    public void writeActual(MultiMap headers, String origin) {
        removeAccessControl(headers);
        addVaryOrigin(headers);
        if (!origins.allows(origin)) {
            return;
        }
        writeOrigin(headers, origin);
        if (exposeHeaders != null) {
            headers.set(EXPOSE_HEADERS, exposeHeaders);
        }
    }

    boolean allowsMethod(String method) {
        return method != null && (anyMethod || methods.contains(method.trim().toUpperCase(Locale.ROOT)));
    }

    private void writeOrigin(MultiMap headers, String origin) {
        // "*" only without credentials (the contract refuses both together): browsers reject "*" with them
        headers.set(ALLOW_ORIGIN, origins.any() && !credentials ? STAR : origin);
        if (credentials) {
            headers.set(ALLOW_CREDENTIALS, TRUE);
        }
    }

    /** Collects names first: a multimap cannot be changed while it is walked. Allocates only when one is found. */
    private static void removeAccessControl(MultiMap headers) {
        List<String> found = null;
        for (var header : headers) {
            if (header.getKey().regionMatches(true, 0, ACCESS_CONTROL, 0, ACCESS_CONTROL.length())) {
                found = found == null ? new ArrayList<>(2) : found;
                found.add(header.getKey());
            }
        }
        if (found != null) {
            found.forEach(headers::remove);
        }
    }

    /** The answer depends on Origin (allowed or not), so caches must key on it; the backend's Vary is kept. */
    private static void addVaryOrigin(MultiMap headers) {
        for (String value : headers.getAll(VARY)) {
            for (String token : value.split(",")) {
                String name = token.trim();
                if (name.equalsIgnoreCase("origin") || name.equals("*")) {
                    return;
                }
            }
        }
        headers.add(VARY, ORIGIN);
    }
}
