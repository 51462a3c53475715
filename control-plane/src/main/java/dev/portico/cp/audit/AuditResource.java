package dev.portico.cp.audit;

import dev.portico.cp.auth.Roles;
import dev.portico.cp.paging.Page;
import dev.portico.cp.paging.PageRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code GET /admin/v1/audit-events?actor=&objectType=&limit=&cursor=}: newest first, any role. */
@Path("/admin/v1/audit-events")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.EDITOR, Roles.VIEWER})
@Tag(name = "Audit")
public class AuditResource {

    private final AuditTrail trail;

    AuditResource(AuditTrail trail) {
        this.trail = trail;
    }

    @GET
    public Page<AuditEventView> list(@QueryParam("actor") String actor, @QueryParam("objectType") String objectType,
                                     @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return trail.list(AuditFilter.parse(actor, objectType), PageRequest.parse(limit, cursor));
    }
}
