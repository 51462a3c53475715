package dev.portico.cp.deployment;

import dev.portico.cp.api.Responses;
import dev.portico.cp.auth.Roles;
import dev.portico.cp.paging.Page;
import dev.portico.cp.paging.PageRequest;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /admin/v1/apis/{apiId}/stages[/{stage}[/pending|/rollback|/history]]}. */
@Path("/admin/v1/apis/{apiId}/stages")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.EDITOR, Roles.VIEWER})
@Tag(name = "Stages")
public class StageResource {

    @Inject
    StageService stages;

    @Inject
    StageHistoryService history;

    @Inject
    SecurityIdentity identity;

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.EDITOR})
    @APIResponseSchema(value = StageView.class, responseCode = "201")
    public Response create(@PathParam("apiId") String apiId, DeploymentRequests.CreateStage request,
                           @Context UriInfo uri) {
        StageView stage = stages.create(apiId, request, actor());
        return Responses.created(uri, stage.name(), stage.revision(), stage);
    }

    @GET
    public Page<StageView> list(@PathParam("apiId") String apiId, @QueryParam("limit") String limit,
                                @QueryParam("cursor") String cursor) {
        return stages.list(apiId, PageRequest.parse(limit, cursor));
    }

    @GET
    @Path("{stage}")
    @APIResponseSchema(value = StageView.class, responseCode = "200")
    public Response get(@PathParam("apiId") String apiId, @PathParam("stage") String stage) {
        StageView view = stages.get(apiId, stage);
        return Responses.tagged(view.revision(), view);
    }

    @PATCH
    @Path("{stage}")
    @RolesAllowed({Roles.ADMIN, Roles.EDITOR})
    @APIResponseSchema(value = StageView.class, responseCode = "200")
    public Response patch(@PathParam("apiId") String apiId, @PathParam("stage") String stage,
                          @HeaderParam("If-Match") String ifMatch, DeploymentRequests.PatchStage request) {
        StageView view = stages.patch(apiId, stage, ifMatch, request, actor());
        return Responses.tagged(view.revision(), view);
    }

    @DELETE
    @Path("{stage}")
    @RolesAllowed({Roles.ADMIN, Roles.EDITOR})
    public void delete(@PathParam("apiId") String apiId, @PathParam("stage") String stage) {
        stages.delete(apiId, stage);
    }

    @GET
    @Path("{stage}/pending")
    public PendingView pending(@PathParam("apiId") String apiId, @PathParam("stage") String stage) {
        return stages.pending(apiId, stage);
    }

    @POST
    @Path("{stage}/rollback")
    @RolesAllowed({Roles.ADMIN, Roles.EDITOR})
    @APIResponseSchema(value = StageView.class, responseCode = "200")
    public Response rollback(@PathParam("apiId") String apiId, @PathParam("stage") String stage,
                             DeploymentRequests.Rollback request) {
        StageView view = stages.rollback(apiId, stage, request, actor());
        return Responses.tagged(view.revision(), view);
    }

    @GET
    @Path("{stage}/history")
    public Page<HistoryView> history(@PathParam("apiId") String apiId, @PathParam("stage") String stage,
                                     @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return history.history(apiId, stage, PageRequest.parse(limit, cursor));
    }

    private String actor() {
        return identity.getPrincipal().getName();
    }
}
