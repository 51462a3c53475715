package dev.portico.snapshot;

/**
 * Proxies the request to an HTTP backend.
 *
 * @param uri           may hold route path parameters ({@code {id}}, {@code {proxy}}) and
 *                      {@code ${stageVariables.name}}
 * @param method        the backend method; "ANY" passes the client's
 * @param timeoutMillis 504 after this long without a response
 */
public record HttpProxyIntegration(String id, String uri, String method, int timeoutMillis, Tls tls)
        implements Integration {

    public static final String TYPE = "HTTP_PROXY";
    public static final int DEFAULT_TIMEOUT_MILLIS = 29_000;
    public static final int MAX_TIMEOUT_MILLIS = 300_000;

    public HttpProxyIntegration {
        method = method == null ? "ANY" : method;
        timeoutMillis = timeoutMillis <= 0 ? DEFAULT_TIMEOUT_MILLIS : timeoutMillis;
        tls = tls == null ? Tls.VERIFY : tls;
    }

    /** TLS towards the backend. */
    public record Tls(boolean insecureSkipVerify) {
        public static final Tls VERIFY = new Tls(false);
    }
}
