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

/** {@code /admin/v1/apis/{apiId}/routes[/{id}]}. */
@Path("/admin/v1/apis/{apiId}/routes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.EDITOR, Roles.VIEWER})
@Tag(name = "Routes")
public class RouteResource {

    @Inject
    RouteService routes;

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.EDITOR})
    @APIResponseSchema(value = RouteView.class, responseCode = "201")
    public Response create(@PathParam("apiId") String apiId, RouteRequest request, @Context UriInfo uri) {
        RouteView route = routes.create(apiId, request);
        return Responses.created(uri, route.id(), route.revision(), route);
    }

    @GET
    public Page<RouteView> list(@PathParam("apiId") String apiId, @QueryParam("limit") String limit,
                                @QueryParam("cursor") String cursor) {
        return routes.list(apiId, PageRequest.parse(limit, cursor));
    }

    @GET
    @Path("{id}")
    @APIResponseSchema(value = RouteView.class, responseCode = "200")
    public Response get(@PathParam("apiId") String apiId, @PathParam("id") String id) {
        RouteView route = routes.get(apiId, id);
        return Responses.tagged(route.revision(), route);
    }

    @PATCH
    @Path("{id}")
    @RolesAllowed({Roles.ADMIN, Roles.EDITOR})
    @APIResponseSchema(value = RouteView.class, responseCode = "200")
    public Response patch(@PathParam("apiId") String apiId, @PathParam("id") String id,
                          @HeaderParam("If-Match") String ifMatch, RouteRequest request) {
        RouteView route = routes.patch(apiId, id, ifMatch, request);
        return Responses.tagged(route.revision(), route);
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed({Roles.ADMIN, Roles.EDITOR})
    public void delete(@PathParam("apiId") String apiId, @PathParam("id") String id) {
        routes.delete(apiId, id);
    }
}
