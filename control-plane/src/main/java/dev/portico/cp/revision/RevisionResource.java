package dev.portico.cp.revision;

import dev.portico.cp.auth.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /admin/v1/revisions/current}: {@code {revision, changedAt}}. */
@Path("/admin/v1/revisions")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.EDITOR, Roles.VIEWER})
public class RevisionResource {

    private final Revisions revisions;

    RevisionResource(Revisions revisions) {
        this.revisions = revisions;
    }

    @GET
    @Path("current")
    public Revisions.Revision current() {
        return revisions.read();
    }
}
