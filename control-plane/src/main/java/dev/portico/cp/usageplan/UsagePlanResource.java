package dev.portico.cp.usageplan;

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

/** {@code /admin/v1/usage-plans[/{id}]}. */
@Path("/admin/v1/usage-plans")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.EDITOR, Roles.VIEWER})
@Tag(name = "Usage plans")
public class UsagePlanResource {

    @Inject
    UsagePlanService plans;

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.EDITOR})
    @APIResponseSchema(value = UsagePlanView.class, responseCode = "201")
    public Response create(UsagePlanRequests.Create request, @Context UriInfo uri) {
        UsagePlanView plan = plans.create(request);
        return Responses.created(uri, plan.id(), plan.revision(), plan);
    }

    @GET
    public Page<UsagePlanView> list(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return plans.list(PageRequest.parse(limit, cursor));
    }

    @GET
    @Path("{id}")
    @APIResponseSchema(value = UsagePlanView.class, responseCode = "200")
    public Response get(@PathParam("id") String id) {
        UsagePlanView plan = plans.get(id);
        return Responses.tagged(plan.revision(), plan);
    }

    @PATCH
    @Path("{id}")
    @RolesAllowed({Roles.ADMIN, Roles.EDITOR})
    @APIResponseSchema(value = UsagePlanView.class, responseCode = "200")
    public Response patch(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
                          UsagePlanRequests.Patch request) {
        UsagePlanView plan = plans.patch(id, ifMatch, request);
        return Responses.tagged(plan.revision(), plan);
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed({Roles.ADMIN, Roles.EDITOR})
    public void delete(@PathParam("id") String id) {
        plans.delete(id);
    }
}
