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

/** {@code /admin/v1/apis/{apiId}/authorizers[/{id}]}. */
@Path("/admin/v1/apis/{apiId}/authorizers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.EDITOR, Roles.VIEWER})
@Tag(name = "Authorizers")
public class AuthorizerResource {

    @Inject
    AuthorizerService authorizers;

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.EDITOR})
    @APIResponseSchema(value = AuthorizerView.class, responseCode = "201")
    public Response create(@PathParam("apiId") String apiId, AuthorizerRequest request, @Context UriInfo uri) {
        AuthorizerView authorizer = authorizers.create(apiId, request);
        return Responses.created(uri, authorizer.id(), authorizer.revision(), authorizer);
    }

    @GET
    public Page<AuthorizerView> list(@PathParam("apiId") String apiId, @QueryParam("limit") String limit,
                                     @QueryParam("cursor") String cursor) {
        return authorizers.list(apiId, PageRequest.parse(limit, cursor));
    }

    @GET
    @Path("{id}")
    @APIResponseSchema(value = AuthorizerView.class, responseCode = "200")
    public Response get(@PathParam("apiId") String apiId, @PathParam("id") String id) {
        AuthorizerView authorizer = authorizers.get(apiId, id);
        return Responses.tagged(authorizer.revision(), authorizer);
    }

    @PATCH
    @Path("{id}")
    @RolesAllowed({Roles.ADMIN, Roles.EDITOR})
    @APIResponseSchema(value = AuthorizerView.class, responseCode = "200")
    public Response patch(@PathParam("apiId") String apiId, @PathParam("id") String id,
                          @HeaderParam("If-Match") String ifMatch, AuthorizerRequest request) {
        AuthorizerView authorizer = authorizers.patch(apiId, id, ifMatch, request);
        return Responses.tagged(authorizer.revision(), authorizer);
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed({Roles.ADMIN, Roles.EDITOR})
    public void delete(@PathParam("apiId") String apiId, @PathParam("id") String id) {
        authorizers.delete(apiId, id);
    }
}
