package dev.portico.cp.fleet;

import dev.portico.cp.error.ProblemException;
import dev.portico.cp.error.Problems;
import dev.portico.cp.error.Problem;
import dev.portico.snapshot.fleet.FleetMessage;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code GET /fleet/v1/connect}: the WebSocket handshake of the fleet channel, on the control plane's
 * HTTP server. The cluster token is checked before the upgrade, so a node without it gets a plain
 * 401 and never a socket.
 */
@ApplicationScoped
public class FleetEndpoint {

    private static final Logger LOG = Logger.getLogger(FleetEndpoint.class);
    private static final Pattern NODE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");

    private final ClusterToken clusterToken;
    private final FleetHub hub;

    FleetEndpoint(ClusterToken clusterToken, FleetHub hub) {
        this.clusterToken = clusterToken;
        this.hub = hub;
    }

    void install(@Observes Router router) {
        router.get(FleetMessage.PATH).handler(this::handshake);
    }

    private void handshake(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        if (!clusterToken.matches(bearer(request.getHeader(HttpHeaders.AUTHORIZATION)))) {
            LOG.warnf("Refused a fleet connection from %s: missing or wrong cluster token", request.remoteAddress());
            ctx.response().putHeader("WWW-Authenticate", "Bearer");
            refuse(ctx, Problems.unauthenticated("a node must present the cluster token as a bearer token"));
            return;
        }
        String nodeId = request.getHeader(FleetMessage.NODE_ID_HEADER);
        if (nodeId == null || !NODE_ID.matcher(nodeId).matches()) {
            refuse(ctx, ProblemException.invalid(FleetMessage.NODE_ID_HEADER,
                    "must be 1 to 128 letters, digits or . _ : - (starting with a letter or digit)"));
            return;
        }
        if (!"websocket".equalsIgnoreCase(request.getHeader(HttpHeaders.UPGRADE))) {
            refuse(ctx, new ProblemException(400, "WEBSOCKET_REQUIRED", "Bad Request",
                    "the fleet channel is a WebSocket: send an upgrade request", List.of()));
            return;
        }
        request.toWebSocket()
                .onSuccess(socket -> hub.open(nodeId, socket))
                .onFailure(e -> LOG.warnf("The fleet handshake of node %s failed: %s", nodeId, e.getMessage()));
    }

    private static String bearer(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        return authorization.substring(7).trim();
    }

    private static void refuse(RoutingContext ctx, ProblemException problem) {
        ctx.response()
                .setStatusCode(problem.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .end(Json.encode(Problem.of(problem)));
    }
}
