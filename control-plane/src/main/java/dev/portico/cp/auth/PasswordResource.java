package dev.portico.cp.auth;

import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * {@code POST /admin/v1/auth/password}: any signed-in user changes their own password. Answers a
 * new token, as the one used for this call (and every other of the user's) stops working.
 */
@Path("/admin/v1/auth/password")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.EDITOR, Roles.VIEWER})
public class PasswordResource {

    private final AdminUsers users;
    private final TokenIssuer tokens;
    private final SecurityIdentity caller;

    PasswordResource(AdminUsers users, TokenIssuer tokens, SecurityIdentity caller) {
        this.users = users;
        this.tokens = tokens;
        this.caller = caller;
    }

    @POST
    @Operation(summary = "Change your own password; answers a new token")
    public TokenResponse change(@Valid @NotNull(message = "a JSON body {currentPassword, newPassword} is required")
                                PasswordChange body, @Context HttpServerRequest request) {
        AdminUser user = users.changeOwnPassword(caller.getPrincipal().getName(), body,
                request.remoteAddress().hostAddress());
        return tokens.issue(user);
    }
}
