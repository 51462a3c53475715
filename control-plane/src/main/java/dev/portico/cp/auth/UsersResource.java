package dev.portico.cp.auth;

import dev.portico.cp.api.Responses;
import dev.portico.cp.paging.Page;
import dev.portico.cp.paging.PageRequest;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
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

/** {@code /admin/v1/users[/{username}]}: admins only. */
@Path("/admin/v1/users")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class UsersResource {

    private final UserAccounts users;
    private final SecurityIdentity caller;

    UsersResource(UserAccounts users, SecurityIdentity caller) {
        this.users = users;
        this.caller = caller;
    }

    @POST
    public Response create(@Valid @NotNull(message = "a JSON body {username, password, role} is required")
                           UserRequest body, @Context UriInfo uri) {
        UserView user = users.create(body);
        return Responses.created(uri, user.username(), user);
    }

    @GET
    public Page<UserView> list(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return users.list(PageRequest.parse(limit, cursor));
    }

    @GET
    @Path("{username}")
    public UserView get(@PathParam("username") String username) {
        return users.get(username);
    }

    /** {@code {role?, password?}}: change the role, reset the password. */
    @PATCH
    @Path("{username}")
    public UserView update(@PathParam("username") String username,
                           @Valid @NotNull(message = "a JSON body {role?, password?} is required") UserPatch body) {
        return users.update(username, body);
    }

    @DELETE
    @Path("{username}")
    public void delete(@PathParam("username") String username) {
        users.delete(username, caller.getPrincipal().getName());
    }
}
