package dev.portico.cp.error;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The admin API's answer to an over-large body: 413 in problem+json like every other error, before
 * the body is read. (Paths no resource serves are answered by {@link ProblemMappers}.)
 */
@ApplicationScoped
public class AdminRouteGuards {

    static final String ADMIN_PATHS = "/admin/v1/*";

    private final long maxBodySize;

    AdminRouteGuards(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize) {
        this.maxBodySize = maxBodySize.asLongValue();
    }

    void install(@Observes Router router) {
        // Before Quarkus's own limit check (order -2), which answers 413 with an empty body.
        router.route(ADMIN_PATHS).order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(this::limitBody);
    }

    private void limitBody(RoutingContext ctx) {
        String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && parse(length) > maxBodySize) {
            ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
            answer(ctx, Problems.bodyTooLarge(maxBodySize));
            return;
        }
        ctx.next();
    }

    static void answer(RoutingContext ctx, ProblemException problem) {
        ctx.response()
                .setStatusCode(problem.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .end(Json.encode(Problem.of(problem)));
    }

    private static long parse(String length) {
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
