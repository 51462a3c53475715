package dev.portico.cp.node;

import dev.portico.cp.auth.Roles;
import dev.portico.cp.paging.Page;
import dev.portico.cp.paging.PageRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** {@code /admin/v1/nodes[/{id}]}: the fleet and how each node stands. */
@Path("/admin/v1/nodes")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.EDITOR, Roles.VIEWER})
public class NodesResource {

    private final FleetNodes nodes;

    NodesResource(FleetNodes nodes) {
        this.nodes = nodes;
    }

    @GET
    public Page<NodeView> list(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return nodes.list(PageRequest.parse(limit, cursor));
    }

    @GET
    @Path("{id}")
    public NodeView get(@PathParam("id") String id) {
        return nodes.get(id);
    }
}
