package dev.portico.snapshot;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.Map;
import java.util.Set;

/**
 * Invokes a function: the node POSTs the Lambda proxy-integration event of {@code payloadFormatVersion}
 * to {@code uri} (the Lambda Invoke path {@code /2015-03-31/functions/{name}/invocations}, or any HTTP
 * service that speaks the format) and maps the function's result back to HTTP by AWS's rules for that
 * version.
 *
 * @param payloadFormatVersion "1.0" (REST API proxy event) or "2.0" (HTTP API event)
 * @param timeoutMillis        504 after this long without the function's answer
 * @param responseParameters   how to change the response on its way to the client, by status code;
 *                             see {@link HttpProxyIntegration#responseParameters()}
 */
public record FunctionIntegration(String id, String uri, String payloadFormatVersion, int timeoutMillis,
                                  @JsonInclude(JsonInclude.Include.NON_EMPTY)
                                  Map<String, Map<String, String>> responseParameters)
        implements Integration {

    public static final String TYPE = "FUNCTION";
    public static final String VERSION_1 = "1.0";
    public static final String VERSION_2 = "2.0";
    public static final Set<String> VERSIONS = Set.of(VERSION_1, VERSION_2);

    public FunctionIntegration {
        timeoutMillis = timeoutMillis <= 0 ? HttpProxyIntegration.DEFAULT_TIMEOUT_MILLIS : timeoutMillis;
        responseParameters = ResponseParameters.copy(responseParameters);
    }

    public FunctionIntegration(String id, String uri, String payloadFormatVersion, int timeoutMillis) {
        this(id, uri, payloadFormatVersion, timeoutMillis, Map.of());
    }
}
