package dev.portico.cp.auth;

import dev.portico.cp.error.Problems;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** {@code POST /admin/v1/auth/token}: a username and password for a bearer token. */
@Path("/admin/v1/auth/token")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@PermitAll
public class TokenResource {

    private final AdminUsers users;
    private final TokenIssuer tokens;

    TokenResource(AdminUsers users, TokenIssuer tokens) {
        this.users = users;
        this.tokens = tokens;
    }

    @POST
    @Operation(summary = "Get a bearer token for the admin API")
    public TokenResponse issue(@Valid @NotNull(message = "a JSON body {username, password} is required")
                               TokenRequest body, @Context HttpServerRequest request) {
        // One answer for an unknown user and a wrong password: no hint which one it was.
        AdminUser user = users.authenticate(body.username(), body.password(), request.remoteAddress().hostAddress())
                .orElseThrow(Problems::invalidCredentials);
        return tokens.issue(user);
    }
}
