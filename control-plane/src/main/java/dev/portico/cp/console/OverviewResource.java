package dev.portico.cp.console;

import dev.portico.cp.api.ApiService;
import dev.portico.cp.error.ProblemException;
import dev.portico.cp.node.FleetNodes;
import dev.portico.cp.node.NodeView;
import dev.portico.cp.revision.Revisions;
import dev.portico.cp.traffic.TrafficService;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.time.Instant;
import java.util.List;

/**
 * The dashboard (traffic charts, APIs, fleet), the fleet's nodes; the rollout progress the deploy page
 * polls; signing out.
 */
@Path("/console")
@PermitAll
@SignedIn
@Produces(MediaType.TEXT_HTML)
public class OverviewResource {

    @Inject
    CurrentSession current;

    @Inject
    ApiService apis;

    @Inject
    ApiHeaders headers;

    @Inject
    FleetNodes nodes;

    @Inject
    Revisions revisions;

    @Inject
    TrafficService traffic;

    @Inject
    ErrorPages errors;

    @GET
    public Response dashboard() {
        List<ApiOverview> overview = apis.list(ApiHeaders.ALL).items().stream()
                .map(api -> new ApiOverview(api, headers.stages(api.id()))).toList();
        long revision = revisions.current();
        return ErrorPages.html(Pages.dashboard(current.chrome("dashboard"), overview,
                FleetCounts.of(fleet(), revision), TrafficCharts.of(traffic.last(TrafficCharts.MINUTES, Instant.now()))));
    }

    /** Ends the session: the cookie goes. (The token itself stays valid until it expires, as admin tokens do.) */
    @POST
    @Path("logout")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response logout(@FormParam(Sessions.CSRF_FIELD) String csrf, @Context UriInfo uri) {
        current.checkCsrf(csrf);
        return Response.fromResponse(Navigation.seeOther(Navigation.LOGIN))
                .header("Set-Cookie", Sessions.clearedCookie(LoginResource.secure(uri))).build();
    }

    @GET
    @Path("nodes")
    public Response nodes() {
        Instant now = Instant.now();
        long revision = revisions.current();
        return ErrorPages.html(Pages.nodes(current.chrome("nodes"),
                fleet().stream().map(n -> NodeRow.of(n, now)).toList(), revision));
    }

    /** How far the fleet is with gateway revision {@code revision}: polled by the rollout page. */
    @GET
    @Path("rollouts/{revision}")
    @Produces(MediaType.APPLICATION_JSON)
    public Rollout rollout(@PathParam("revision") long revision) {
        return Rollout.of(revision, fleet());
    }

    List<NodeView> fleet() {
        return nodes.list(ApiHeaders.ALL).items();
    }

    @ServerExceptionMapper
    Response problem(ProblemException problem) {
        return errors.page(problem);
    }
}
