package dev.portico.cp.api;

import dev.portico.cp.auth.Roles;
import dev.portico.cp.paging.Page;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /admin/v1/apis/{apiId}/gateway-responses[/{type}]}: the gateway's own answers, customised per type. */
@Path("/admin/v1/apis/{apiId}/gateway-responses")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.EDITOR, Roles.VIEWER})
@Tag(name = "Gateway responses")
public class GatewayResponseResource {

    @Inject
    GatewayResponseService responses;

    @GET
    public Page<GatewayResponseView> list(@PathParam("apiId") String apiId) {
        return responses.list(apiId);
    }

    @GET
    @Path("{type}")
    @APIResponseSchema(value = GatewayResponseView.class, responseCode = "200")
    public Response get(@PathParam("apiId") String apiId, @PathParam("type") String type) {
        GatewayResponseView view = responses.get(apiId, type);
        return view.revision() == null ? Response.ok(view).build() : Responses.tagged(view.revision(), view);
    }

    /** Sets the type's answer; {@code If-Match} is optional (PUT replaces the whole response). */
    @PUT
    @Path("{type}")
    @RolesAllowed({Roles.ADMIN, Roles.EDITOR})
    @APIResponseSchema(value = GatewayResponseView.class, responseCode = "200")
    public Response put(@PathParam("apiId") String apiId, @PathParam("type") String type,
                        @HeaderParam("If-Match") String ifMatch, GatewayResponseRequest request) {
        GatewayResponseView view = responses.put(apiId, type, ifMatch, request);
        return Responses.tagged(view.revision(), view);
    }

    @DELETE
    @Path("{type}")
    @RolesAllowed({Roles.ADMIN, Roles.EDITOR})
    public void reset(@PathParam("apiId") String apiId, @PathParam("type") String type) {
        responses.reset(apiId, type);
    }
}
