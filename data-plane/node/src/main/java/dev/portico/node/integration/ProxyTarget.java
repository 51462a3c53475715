package dev.portico.node.integration;

import dev.portico.node.pipeline.Exchange;
import dev.portico.node.routing.ParamSlot;
import dev.portico.snapshot.HttpProxyIntegration;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;

import java.util.List;
import java.util.Map;

/**
 * An HTTP_PROXY integration compiled for one route of one stage: its origin and client, its URI
 * template bound to the route's parameters, its method, timeout and request and response parameter mappings. One
 * {@link ProxyCall} per request.
 */
public final class ProxyTarget implements IntegrationTarget {

    private final BackendClients clients;
    private final boolean insecureSkipVerify;
    private final UriTemplate uri;
    private final HttpMethod method;
    private final long timeoutMillis;
    private final RequestMapping mapping;
    private final ResponseMapping responseMapping;

    private ProxyTarget(BackendClients clients, boolean insecureSkipVerify, UriTemplate uri, HttpMethod method,
                        long timeoutMillis, RequestMapping mapping, ResponseMapping responseMapping) {
        this.clients = clients;
        this.insecureSkipVerify = insecureSkipVerify;
        this.uri = uri;
        this.method = method;
        this.timeoutMillis = timeoutMillis;
        this.mapping = mapping;
        this.responseMapping = responseMapping;
    }

    /** Throws {@link IllegalArgumentException} saying what is wrong with the integration. */
    public static ProxyTarget compile(HttpProxyIntegration integration, Map<String, String> stageVariables,
                                      List<ParamSlot> slots, BackendClients clients) {
        if (integration.uri() == null) {
            throw new IllegalArgumentException("integration has no URI");
        }
        UriTemplate uri = UriTemplate.compile(integration.uri(), stageVariables, slots);
        HttpMethod method = "ANY".equals(integration.method()) ? null : HttpMethod.valueOf(integration.method());
        long timeout = Math.min(integration.timeoutMillis(), HttpProxyIntegration.MAX_TIMEOUT_MILLIS);
        RequestMapping mapping = RequestMapping.compile(integration.requestParameters(), stageVariables, slots);
        ResponseMapping responseMapping = ResponseMapping.compile(integration.responseParameters(), stageVariables);
        return new ProxyTarget(clients, integration.tls().insecureSkipVerify(), uri, method, timeout, mapping,
                responseMapping);
    }

    @Override
    public void invoke(Exchange exchange) {
        new ProxyCall(this, exchange).start();
    }

    Vertx vertx() {
        return clients.vertx();
    }

    /** The client of the calling event loop. */
    HttpClient client() {
        return clients.client(insecureSkipVerify);
    }

    BackendOrigin origin() {
        return uri.origin();
    }

    /** Path and query for the backend, parameter mapping applied; null when the mapped path is unsafe. */
    String requestTarget(Exchange exchange) {
        return mapping.applyTarget(exchange, uri.render(exchange.pathParameters(), exchange.request().query()));
    }

    /** The headers for the backend: the client's and the gateway's forwarding headers, then the mapping's edits. */
    MultiMap headers(Exchange exchange) {
        MultiMap headers = ForwardedHeaders.of(exchange.request(), exchange.requestId());
        mapping.applyHeaders(exchange, headers);
        return headers;
    }

    /**
     * The integration's method, or the client's for ANY. A client's HEAD stays HEAD on a GET
     * integration: HEAD is GET without the body, and the backend need not produce one.
     */
    HttpMethod method(HttpMethod clientMethod) {
        if (method == null || (method == HttpMethod.GET && clientMethod == HttpMethod.HEAD)) {
            return clientMethod;
        }
        return method;
    }

    /** How the backend's response is changed on its way to the client. */
    ResponseMapping responseMapping() {
        return responseMapping;
    }

    long timeoutMillis() {
        return timeoutMillis;
    }
}
