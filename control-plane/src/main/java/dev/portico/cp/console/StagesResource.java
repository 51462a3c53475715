package dev.portico.cp.console;

import dev.portico.cp.deployment.DeploymentDetail;
import dev.portico.cp.deployment.DeploymentRequests;
import dev.portico.cp.deployment.DeploymentService;
import dev.portico.cp.deployment.PendingView;
import dev.portico.cp.deployment.StageService;
import dev.portico.cp.deployment.StageView;
import dev.portico.cp.error.ProblemException;
import dev.portico.cp.node.FleetNodes;
import dev.portico.cp.revision.Revisions;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Map;

/**
 * An API's stages tab, "Deploy API" (pick or name a stage, see the pending changes, deploy) and
 * rolling a stage back; both end on the rollout page, which follows the fleet converging.
 */
@Path("/console/apis/{apiId}/stages")
@PermitAll
@SignedIn
@Produces(MediaType.TEXT_HTML)
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class StagesResource {

    @Inject
    CurrentSession current;

    @Inject
    StageService stages;

    @Inject
    DeploymentService deployments;

    @Inject
    Revisions revisions;

    @Inject
    ApiHeaders headers;

    @Inject
    FleetNodes nodes;

    @Inject
    ErrorPages errors;

    @Inject
    StagePage stagePage;

    @GET
    public Response list(@PathParam("apiId") String apiId) {
        return ErrorPages.html(Pages.stages(current.chrome("apis"), headers.of(apiId, "stages")));
    }

    /** A stage's variables, throttles and history. */
    @GET
    @Path("{stage}")
    public Response stage(@PathParam("apiId") String apiId, @PathParam("stage") String stage,
                          @QueryParam("saved") String saved) {
        return stagePage.show(apiId, stage, saved != null);
    }

    @POST
    @Path("{stage}")
    public Response saveStage(@PathParam("apiId") String apiId, @PathParam("stage") String stage,
                              MultivaluedMap<String, String> typed) {
        return stagePage.save(apiId, stage, typed);
    }

    /** The deploy dialog for {@code stage} (an existing stage; empty: a new one). */
    @GET
    @Path("deploy")
    public Response deployForm(@PathParam("apiId") String apiId, @QueryParam("stage") String stage) {
        current.writer();
        ApiHeader header = headers.of(apiId, "stages");
        String chosen = stage != null ? stage : header.stages().isEmpty() ? "" : header.stages().get(0).name();
        return deployPage(header, chosen, Form.of(Map.of("stage", chosen, "newStage", "", "description", "")), 200);
    }

    @POST
    @Path("deploy")
    public Response deploy(@PathParam("apiId") String apiId, @FormParam(Sessions.CSRF_FIELD) String csrf,
                           @FormParam("stage") String stage, @FormParam("newStage") String newStage,
                           @FormParam("description") String description) {
        ConsoleSession session = current.write(csrf);
        String existing = ApisResource.orEmpty(stage);
        Form form = Form.of(Map.of("stage", existing, "newStage", ApisResource.orEmpty(newStage).strip(),
                "description", ApisResource.orEmpty(description)));
        String target = existing.isEmpty() ? form.value("newStage") : existing;
        try {
            if (target.isEmpty()) {
                throw ProblemException.invalid("newStage", "is required: pick a stage or name a new one");
            }
            DeploymentDetail deployed = deployments.deploy(apiId,
                    new DeploymentRequests.Deploy(target, description), session.username());
            return rollout(apiId, "deploy", target, deployed.version());
        } catch (ProblemException e) {
            ProblemException named = existing.isEmpty() ? renamed(e, "stageName", "newStage") : e;
            return RoutesResource.rethrowUnlessForm(e, () -> deployPage(headers.of(apiId, "stages"), existing,
                    form.refused(named), e.status()));
        }
    }

    @GET
    @Path("{stage}/rollback")
    public Response rollbackForm(@PathParam("apiId") String apiId, @PathParam("stage") String stage) {
        current.writer();
        return rollbackPage(apiId, stage, Form.of(Map.of("deploymentId", "", "reason", "")), 200);
    }

    @POST
    @Path("{stage}/rollback")
    public Response rollback(@PathParam("apiId") String apiId, @PathParam("stage") String stage,
                             @FormParam(Sessions.CSRF_FIELD) String csrf, @FormParam("deploymentId") String deploymentId,
                             @FormParam("reason") String reason) {
        ConsoleSession session = current.write(csrf);
        Form form = Form.of(Map.of("deploymentId", ApisResource.orEmpty(deploymentId),
                "reason", ApisResource.orEmpty(reason)));
        try {
            String to = form.value("deploymentId").isEmpty() ? null : form.value("deploymentId");
            StageView rolled = stages.rollback(apiId, stage,
                    new DeploymentRequests.Rollback(to, reason), session.username());
            return rollout(apiId, "rollback", stage, rolled.deploymentVersion());
        } catch (ProblemException e) {
            return RoutesResource.rethrowUnlessForm(e, () -> rollbackPage(apiId, stage, form.refused(e), e.status()));
        }
    }

    /** Follows a deploy or rollback until every connected node applied {@code revision}. */
    @GET
    @Path("rollout")
    public Response rolloutPage(@PathParam("apiId") String apiId, @QueryParam("revision") long revision,
                                @QueryParam("action") String action, @QueryParam("stage") String stage,
                                @QueryParam("version") int version) {
        String title = ("rollback".equals(action) ? "Roll back " : "Deploy ") + stage + " to v" + version;
        return ErrorPages.html(Pages.rollout(current.chrome("apis"), headers.of(apiId, "stages"), title,
                Rollout.of(revision, nodes.list(ApiHeaders.ALL).items())));
    }

    private Response rollout(String apiId, String action, String stage, int version) {
        // Read after the commit: at least the revision that carries this change.
        long revision = revisions.current();
        return Navigation.seeOther("/console/apis/" + apiId + "/stages/rollout?revision=" + revision + "&action=" + action
                + "&stage=" + Navigation.encode(stage) + "&version=" + version);
    }

    private Response deployPage(ApiHeader header, String stage, Form form, int status) {
        String apiId = header.api().id();
        boolean known = header.stages().stream().anyMatch(s -> s.name().equals(stage));
        PendingView pending = known ? stages.pending(apiId, stage) : stages.pendingForNewStage(apiId, stage);
        return ErrorPages.html(Pages.deploy(current.chrome("apis"), header, known ? stage : "",
                ChangeRow.of(pending.changes()), form), status);
    }

    private Response rollbackPage(String apiId, String stage, Form form, int status) {
        ApiHeader header = headers.of(apiId, "stages");
        StageRow row = header.stages().stream().filter(s -> s.name().equals(stage)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("stage " + stage));
        return ErrorPages.html(Pages.rollback(current.chrome("apis"), header, row,
                deployments.list(apiId, ApiHeaders.ALL).items(), form), status);
    }

    /** The service names the stage {@code stageName}; on this form it is the "new stage" field. */
    private static ProblemException renamed(ProblemException e, String from, String to) {
        return new ProblemException(e.status(), e.code(), e.title(), e.getMessage(), e.errors().stream()
                .map(f -> f.field().equals(from) ? new dev.portico.cp.error.FieldError(to, f.message()) : f)
                .toList());
    }

    @ServerExceptionMapper
    Response problem(ProblemException problem) {
        return errors.page(problem);
    }
}
