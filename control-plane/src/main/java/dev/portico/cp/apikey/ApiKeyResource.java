package dev.portico.cp.apikey;

import dev.portico.cp.api.Responses;
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

/** {@code /admin/v1/api-keys[/{id}]} and {@code /admin/v1/api-keys/import}. */
@Path("/admin/v1/api-keys")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.EDITOR, Roles.VIEWER})
@Tag(name = "API keys")
public class ApiKeyResource {

    static final String CSV = "text/csv";

    @Inject
    ApiKeyService keys;

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.EDITOR})
    @APIResponseSchema(value = NewApiKey.class, responseCode = "201")
    public Response create(ApiKeyRequests.Create request, @Context UriInfo uri) {
        NewApiKey key = keys.create(request);
        return Responses.created(uri, key.id(), key.revision(), key);
    }

    @POST
    @Path("import")
    @Consumes(CSV)
    @RolesAllowed({Roles.ADMIN, Roles.EDITOR})
    @APIResponseSchema(value = ApiKeyImport.class, responseCode = "201")
    public Response importCsv(String csv) {
        return Response.status(Response.Status.CREATED).entity(keys.importCsv(csv)).build();
    }

    @GET
    public Page<ApiKeyView> list(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return keys.list(PageRequest.parse(limit, cursor));
    }

    @GET
    @Path("{id}")
    @APIResponseSchema(value = ApiKeyView.class, responseCode = "200")
    public Response get(@PathParam("id") String id) {
        ApiKeyView key = keys.get(id);
        return Responses.tagged(key.revision(), key);
    }

    @PATCH
    @Path("{id}")
    @RolesAllowed({Roles.ADMIN, Roles.EDITOR})
    @APIResponseSchema(value = ApiKeyView.class, responseCode = "200")
    public Response patch(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
                          ApiKeyRequests.Patch request) {
        ApiKeyView key = keys.patch(id, ifMatch, request);
        return Responses.tagged(key.revision(), key);
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed({Roles.ADMIN, Roles.EDITOR})
    public void delete(@PathParam("id") String id) {
        keys.delete(id);
    }
}
