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

/** {@code /admin/v1/apis[/{apiId}]}. */
@Path("/admin/v1/apis")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.EDITOR, Roles.VIEWER})
@Tag(name = "APIs")
public class ApiResource {

    @Inject
    ApiService apis;

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.EDITOR})
    @APIResponseSchema(value = ApiView.class, responseCode = "201")
    public Response create(ApiRequests.Create request, @Context UriInfo uri) {
        ApiView api = apis.create(request);
        return Responses.created(uri, api.id(), api.revision(), api);
    }

    @GET
    public Page<ApiView> list(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return apis.list(PageRequest.parse(limit, cursor));
    }

    @GET
    @Path("{apiId}")
    @APIResponseSchema(value = ApiView.class, responseCode = "200")
    public Response get(@PathParam("apiId") String apiId) {
        ApiView api = apis.get(apiId);
        return Responses.tagged(api.revision(), api);
    }

    @PATCH
    @Path("{apiId}")
    @RolesAllowed({Roles.ADMIN, Roles.EDITOR})
    @APIResponseSchema(value = ApiView.class, responseCode = "200")
    public Response patch(@PathParam("apiId") String apiId, @HeaderParam("If-Match") String ifMatch,
                          ApiRequests.Patch request) {
        ApiView api = apis.patch(apiId, ifMatch, request);
        return Responses.tagged(api.revision(), api);
    }

    @DELETE
    @Path("{apiId}")
    @RolesAllowed({Roles.ADMIN, Roles.EDITOR})
    public void delete(@PathParam("apiId") String apiId) {
        apis.delete(apiId);
    }
}
