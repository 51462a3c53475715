package dev.portico.node.integration;

import dev.portico.node.pipeline.Exchange;
import dev.portico.node.routing.PathParameters;
import dev.portico.snapshot.FunctionIntegration;
import dev.portico.snapshot.HttpProxyIntegration;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;

import java.util.List;
import java.util.Map;

/**
 * A FUNCTION integration compiled for one route of one stage: the invoke endpoint's origin and path,
 * the payload format, the timeout, and what the event says about the route and stage. One
 * {@link FunctionCall} per request.
 */
public final class FunctionTarget implements IntegrationTarget {

    /**
     * The largest function answer passed on: Lambda's own limit for a synchronous invocation's
     * response (6 MB). A larger one is a function error, as it would be on AWS.
     */
    static final int MAX_RESULT_BYTES = 6 * 1024 * 1024;

    private final BackendClients clients;
    private final BackendOrigin origin;
    private final String invokePath;
    private final PayloadFormat format;
    private final long timeoutMillis;
    private final FunctionRoute route;
    private final ResponseMapping responseMapping;

    private FunctionTarget(BackendClients clients, BackendOrigin origin, String invokePath, PayloadFormat format,
                           long timeoutMillis, FunctionRoute route, ResponseMapping responseMapping) {
        this.clients = clients;
        this.origin = origin;
        this.invokePath = invokePath;
        this.format = format;
        this.timeoutMillis = timeoutMillis;
        this.route = route;
        this.responseMapping = responseMapping;
    }

    /**
     * The URI may use stage variables ({@code ${stageVariables.fn}}), not path parameters: one route
     * always invokes one function. Throws {@link IllegalArgumentException} saying what is wrong.
     */
    public static FunctionTarget compile(FunctionIntegration integration, Map<String, String> stageVariables,
                                         FunctionRoute route, BackendClients clients) {
        if (integration.uri() == null) {
            throw new IllegalArgumentException("integration has no URI");
        }
        UriTemplate uri = UriTemplate.compile(integration.uri(), stageVariables, List.of());
        long timeout = Math.min(integration.timeoutMillis(), HttpProxyIntegration.MAX_TIMEOUT_MILLIS);
        return new FunctionTarget(clients, uri.origin(), uri.render(PathParameters.NONE, null),
                PayloadFormat.of(integration.payloadFormatVersion()), timeout, route,
                ResponseMapping.compile(integration.responseParameters(), stageVariables));
    }

    /** The integration's response parameter mapping, applied to the function's result before it is sent. */
    ResponseMapping responseMapping() {
        return responseMapping;
    }

    @Override
    public void invoke(Exchange exchange) {
        new FunctionCall(this, exchange).start();
    }

    Vertx vertx() {
        return clients.vertx();
    }

    /** The calling event loop's (verifying) client. */
    HttpClient client() {
        return clients.client(false);
    }

    BackendOrigin origin() {
        return origin;
    }

    String invokePath() {
        return invokePath;
    }

    PayloadFormat format() {
        return format;
    }

    long timeoutMillis() {
        return timeoutMillis;
    }

    FunctionRoute route() {
        return route;
    }
}
