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

/** {@code /admin/v1/apis/{apiId}/models[/{id}]}. */
@Path("/admin/v1/apis/{apiId}/models")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.EDITOR, Roles.VIEWER})
@Tag(name = "Models")
public class ModelResource {

    @Inject
    ModelService models;

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.EDITOR})
    @APIResponseSchema(value = ModelView.class, responseCode = "201")
    public Response create(@PathParam("apiId") String apiId, ModelRequest request, @Context UriInfo uri) {
        ModelView model = models.create(apiId, request);
        return Responses.created(uri, model.id(), model.revision(), model);
    }

    @GET
    public Page<ModelView> list(@PathParam("apiId") String apiId, @QueryParam("limit") String limit,
                                     @QueryParam("cursor") String cursor) {
        return models.list(apiId, PageRequest.parse(limit, cursor));
    }

    @GET
    @Path("{id}")
    @APIResponseSchema(value = ModelView.class, responseCode = "200")
    public Response get(@PathParam("apiId") String apiId, @PathParam("id") String id) {
        ModelView model = models.get(apiId, id);
        return Responses.tagged(model.revision(), model);
    }

    @PATCH
    @Path("{id}")
    @RolesAllowed({Roles.ADMIN, Roles.EDITOR})
    @APIResponseSchema(value = ModelView.class, responseCode = "200")
    public Response patch(@PathParam("apiId") String apiId, @PathParam("id") String id,
                          @HeaderParam("If-Match") String ifMatch, ModelRequest request) {
        ModelView model = models.patch(apiId, id, ifMatch, request);
        return Responses.tagged(model.revision(), model);
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed({Roles.ADMIN, Roles.EDITOR})
    public void delete(@PathParam("apiId") String apiId, @PathParam("id") String id) {
        models.delete(apiId, id);
    }
}
