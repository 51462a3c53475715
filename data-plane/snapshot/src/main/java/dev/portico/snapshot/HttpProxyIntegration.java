package dev.portico.snapshot;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.Map;

/**
 * Proxies the request to an HTTP backend.
 *
 * @param uri           may hold route path parameters ({@code {id}}, {@code {proxy}}) and
 *                      {@code ${stageVariables.name}}
 * @param method        the backend method; "ANY" passes the client's
 * @param timeoutMillis 504 after this long without a response
 * @param requestParameters how to change the request on its way to the backend; see {@link ParameterMapping}
 * @param responseParameters how to change the response on its way to the client: by status selector
 *                           ({@code "404"}, or a range such as {@code "5XX"}), mapping keys such as
 *                           {@code overwrite:statuscode} or {@code append:header.X} and their values
 */
public record HttpProxyIntegration(String id, String uri, String method, int timeoutMillis, Tls tls,
                                   @JsonInclude(JsonInclude.Include.NON_EMPTY)
                                   Map<String, String> requestParameters,
                                   @JsonInclude(JsonInclude.Include.NON_EMPTY)
                                   Map<String, Map<String, String>> responseParameters)
        implements Integration {

    public static final String TYPE = "HTTP_PROXY";
    public static final int DEFAULT_TIMEOUT_MILLIS = 29_000;
    public static final int MAX_TIMEOUT_MILLIS = 300_000;

    public HttpProxyIntegration {
        method = method == null ? "ANY" : method;
        timeoutMillis = timeoutMillis <= 0 ? DEFAULT_TIMEOUT_MILLIS : timeoutMillis;
        tls = tls == null ? Tls.VERIFY : tls;
        requestParameters = requestParameters == null ? Map.of() : Map.copyOf(requestParameters);
        responseParameters = ResponseParameters.copy(responseParameters);
    }

    public HttpProxyIntegration(String id, String uri, String method, int timeoutMillis, Tls tls,
                                Map<String, String> requestParameters) {
        this(id, uri, method, timeoutMillis, tls, requestParameters, Map.of());
    }

    public HttpProxyIntegration(String id, String uri, String method, int timeoutMillis, Tls tls) {
        this(id, uri, method, timeoutMillis, tls, Map.of());
    }

    /** TLS towards the backend. */
    public record Tls(boolean insecureSkipVerify) {
        public static final Tls VERIFY = new Tls(false);
    }
}
