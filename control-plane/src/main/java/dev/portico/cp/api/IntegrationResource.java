package dev.portico.cp.api;

import dev.portico.cp.auth.Roles;
import dev.portico.cp.paging.Page;
import dev.portico.cp.paging.PageRequest;
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

/** {@code /admin/v1/apis/{apiId}/integrations[/{id}]}. */
@Path("/admin/v1/apis/{apiId}/integrations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.EDITOR, Roles.VIEWER})
@Tag(name = "Integrations")
public class IntegrationResource {

    @Inject
    IntegrationService integrations;

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.EDITOR})
    @APIResponseSchema(value = IntegrationView.class, responseCode = "201")
    public Response create(@PathParam("apiId") String apiId, IntegrationRequest request, @Context UriInfo uri) {
        IntegrationView integration = integrations.create(apiId, request);
        return Responses.created(uri, integration.id(), integration.revision(), integration);
    }

    @GET
    public Page<IntegrationView> list(@PathParam("apiId") String apiId, @QueryParam("limit") String limit,
                                      @QueryParam("cursor") String cursor) {
        return integrations.list(apiId, PageRequest.parse(limit, cursor));
    }

    @GET
    @Path("{id}")
    @APIResponseSchema(value = IntegrationView.class, responseCode = "200")
    public Response get(@PathParam("apiId") String apiId, @PathParam("id") String id) {
        IntegrationView integration = integrations.get(apiId, id);
        return Responses.tagged(integration.revision(), integration);
    }

    @PATCH
    @Path("{id}")
    @RolesAllowed({Roles.ADMIN, Roles.EDITOR})
    @APIResponseSchema(value = IntegrationView.class, responseCode = "200")
    public Response patch(@PathParam("apiId") String apiId, @PathParam("id") String id,
                          @HeaderParam("If-Match") String ifMatch, IntegrationRequest request) {
        IntegrationView integration = integrations.patch(apiId, id, ifMatch, request);
        return Responses.tagged(integration.revision(), integration);
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed({Roles.ADMIN, Roles.EDITOR})
    public void delete(@PathParam("apiId") String apiId, @PathParam("id") String id) {
        integrations.delete(apiId, id);
    }
}
