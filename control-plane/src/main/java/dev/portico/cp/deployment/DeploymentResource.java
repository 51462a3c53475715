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

/** {@code /admin/v1/apis/{apiId}/deployments[/{id}[/diff]]}. */
@Path("/admin/v1/apis/{apiId}/deployments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.EDITOR, Roles.VIEWER})
@Tag(name = "Deployments")
public class DeploymentResource {

    @Inject
    DeploymentService deployments;

    @Inject
    SecurityIdentity identity;

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.EDITOR})
    @APIResponseSchema(value = DeploymentDetail.class, responseCode = "201")
    public Response deploy(@PathParam("apiId") String apiId, DeploymentRequests.Deploy request, @Context UriInfo uri) {
        DeploymentDetail deployment = deployments.deploy(apiId, request, identity.getPrincipal().getName());
        return Responses.created(uri, deployment.id(), deployment.version(), deployment);
    }

    @GET
    public Page<DeploymentView> list(@PathParam("apiId") String apiId, @QueryParam("limit") String limit,
                                     @QueryParam("cursor") String cursor) {
        return deployments.list(apiId, PageRequest.parse(limit, cursor));
    }

    @GET
    @Path("{id}")
    @APIResponseSchema(value = DeploymentDetail.class, responseCode = "200")
    public Response get(@PathParam("apiId") String apiId, @PathParam("id") String id) {
        DeploymentDetail deployment = deployments.get(apiId, id);
        return Responses.tagged(deployment.version(), deployment);
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed({Roles.ADMIN, Roles.EDITOR})
    public void delete(@PathParam("apiId") String apiId, @PathParam("id") String id) {
        deployments.delete(apiId, id);
    }

    @GET
    @Path("{id}/diff")
    public DiffView diff(@PathParam("apiId") String apiId, @PathParam("id") String id,
                         @QueryParam("base") String base) {
        return deployments.diff(apiId, id, base);
    }
}
