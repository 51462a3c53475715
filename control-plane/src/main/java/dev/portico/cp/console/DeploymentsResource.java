package dev.portico.cp.console;

import dev.portico.cp.deployment.DeploymentService;
import dev.portico.cp.deployment.DeploymentView;
import dev.portico.cp.error.ProblemException;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;

/** The deployments tab: history (newest first) and the diff between any two. */
@Path("/console/apis/{apiId}/deployments")
@PermitAll
@SignedIn
@Produces(MediaType.TEXT_HTML)
public class DeploymentsResource {

    @Inject
    CurrentSession current;

    @Inject
    DeploymentService deployments;

    @Inject
    ApiHeaders headers;

    @Inject
    ErrorPages errors;

    /** With {@code base} and {@code target} (deployment ids) it shows what changed from one to the other. */
    @GET
    public Response history(@PathParam("apiId") String apiId, @QueryParam("base") String base,
                            @QueryParam("target") String target) {
        ApiHeader header = headers.of(apiId, "deployments");
        List<DeploymentView> all = deployments.list(apiId, ApiHeaders.ALL).items();
        String to = blank(target) ? (all.isEmpty() ? "" : all.get(0).id()) : target;
        String from = blank(base) ? (all.size() < 2 ? "" : all.get(1).id()) : base;
        Diff diff = blank(from) || blank(to) ? null : Diff.of(deployments.diff(apiId, to, from));
        return ErrorPages.html(Pages.deployments(current.chrome("apis"), header, all, diff, from, to));
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    @ServerExceptionMapper
    Response problem(ProblemException problem) {
        return errors.page(problem);
    }
}
