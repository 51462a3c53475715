package dev.portico.cp.usage;

import dev.portico.cp.auth.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code GET /admin/v1/usage-plans/{id}/usage?startDate=&endDate=[&keyId=]}: per key, per day. */
@Path("/admin/v1/usage-plans/{id}/usage")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.EDITOR, Roles.VIEWER})
@Tag(name = "Usage plans")
public class PlanUsageResource {

    @Inject
    PlanUsageService usage;

    @GET
    public PlanUsageView get(@PathParam("id") String planId, @QueryParam("startDate") String startDate,
                             @QueryParam("endDate") String endDate, @QueryParam("keyId") String keyId) {
        return usage.usage(planId, startDate, endDate, keyId);
    }
}
