package dev.portico.node.pipeline;

import dev.portico.node.routing.ExecuteDomain;
import dev.portico.node.routing.MalformedPathException;
import dev.portico.node.routing.PathParameters;
import dev.portico.node.routing.RequestPath;
import dev.portico.node.routing.RouteMethod;
import dev.portico.node.snapshot.CompiledApi;
import dev.portico.node.snapshot.CompiledRoute;
import dev.portico.node.snapshot.CompiledStage;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.HostAndPort;

/**
 * Resolves API, stage and route (docs/routing.md): the Host names the API, the first path segment
 * a named stage (else the API's $default stage takes the whole path), and the stage's route trie
 * the route. Answers 404 when any of them is missing, 400 for a path that cannot be routed safely.
 * A CORS preflight to an API with CORS goes on without a route: {@link CorsPreflightStep} answers it
 * whatever the routes. From here on, responses of an API with CORS carry its headers ({@link CorsHeaders}).
 */
final class RouteResolutionStep implements Step {

    private final ExecuteDomain domain;

    RouteResolutionStep(ExecuteDomain domain) {
        this.domain = domain;
    }

    @Override
    public void onRequest(Exchange exchange) {
        HttpServerRequest request = exchange.request();
        HostAndPort authority = request.authority();
        String apiId = authority == null ? null : domain.apiId(authority.host());
        CompiledApi api = apiId == null ? null : exchange.snapshot().api(apiId);
        if (api == null) {
            exchange.reject(GatewayError.API_NOT_FOUND);
            return;
        }
        exchange.api(api);
        if (api.cors() != null) {
            exchange.decorateHead(CorsHeaders.INSTANCE);
        }
        RequestPath path;
        try {
            path = RequestPath.parse(request.path());
        } catch (MalformedPathException e) {
            exchange.reject(GatewayError.MALFORMED_PATH);
            return;
        }
        CompiledStage stage = path.size() > 0 ? api.stageNamed(path.segment(0)) : null;
        int offset = 1;
        if (stage == null) {
            stage = api.defaultStage();
            offset = 0;
        }
        if (stage == null) {
            exchange.reject(GatewayError.STAGE_NOT_FOUND);
            return;
        }
        exchange.stage(stage);
        CompiledRoute route = stage.routes().match(RouteMethod.of(request.method()), path, offset);
        if (route != null) {
            exchange.route(route, route.params().isEmpty()
                    ? PathParameters.NONE : new PathParameters(route.params(), path, offset));
        } else if (api.cors() == null || !CorsPreflightStep.isPreflight(request)) {
            exchange.reject(GatewayError.ROUTE_NOT_FOUND);
            return;
        }
        exchange.proceed();
    }
}
