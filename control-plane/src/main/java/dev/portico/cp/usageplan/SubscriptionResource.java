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

/** {@code /admin/v1/usage-plans/{id}/keys[/{keyId}]}: the keys subscribed to a plan. */
@Path("/admin/v1/usage-plans/{id}/keys")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.EDITOR, Roles.VIEWER})
@Tag(name = "Usage plans")
public class SubscriptionResource {

    @Inject
    SubscriptionService subscriptions;

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.EDITOR})
    @APIResponseSchema(value = SubscriptionView.class, responseCode = "201")
    public Response subscribe(@PathParam("id") String planId, SubscriptionService.Subscribe request,
                              @Context UriInfo uri) {
        SubscriptionView key = subscriptions.subscribe(planId, request);
        return Responses.created(uri, key.keyId(), key);
    }

    @GET
    public Page<SubscriptionView> list(@PathParam("id") String planId, @QueryParam("limit") String limit,
                                       @QueryParam("cursor") String cursor) {
        return subscriptions.list(planId, PageRequest.parse(limit, cursor));
    }

    @GET
    @Path("{keyId}")
    public SubscriptionView get(@PathParam("id") String planId, @PathParam("keyId") String keyId) {
        return subscriptions.get(planId, keyId);
    }

    @DELETE
    @Path("{keyId}")
    @RolesAllowed({Roles.ADMIN, Roles.EDITOR})
    public void unsubscribe(@PathParam("id") String planId, @PathParam("keyId") String keyId) {
        subscriptions.unsubscribe(planId, keyId);
    }
}
