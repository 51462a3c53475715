package dev.portico.cp.console;

import dev.portico.cp.error.LoginThrottledException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.util.Optional;

/**
 * The way in: {@code /console/login}. (The way out, {@code POST /console/logout}, is a signed-in
 * page of {@link OverviewResource}; {@code /} leads here through {@link RootResource}.)
 */
@Path("/console/login")
@PermitAll
@Produces(MediaType.TEXT_HTML)
public class LoginResource {

    @Inject
    Sessions sessions;

    @GET
    public Response form(@QueryParam("next") String next) {
        return ErrorPages.html(Pages.login(null, "", Navigation.safeNext(next), null));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response login(@FormParam("username") String username, @FormParam("password") String password,
                          @FormParam("next") String next, @Context UriInfo uri,
                          @Context HttpServerRequest request) {
        String typed = username == null ? "" : username;
        Optional<String> token;
        try {
            token = sessions.login(username, password, request.remoteAddress().hostAddress());
        } catch (LoginThrottledException e) {
            return Response.fromResponse(ErrorPages.html(Pages.login(null, typed, Navigation.safeNext(next),
                    "Too many wrong passwords in a row. Try again in " + e.retryAfterSeconds() + " s."), 429))
                    .header("Retry-After", e.retryAfterSeconds()).build();
        }
        if (token.isEmpty()) {
            // One message for an unknown user and a wrong password, as the admin API answers.
            return ErrorPages.html(Pages.login(null, typed, Navigation.safeNext(next),
                    "Wrong username or password."), 401);
        }
        return Response.fromResponse(Navigation.seeOther(Navigation.safeNext(next)))
                .header("Set-Cookie", sessions.cookie(token.get(), secure(uri))).build();
    }

    static boolean secure(UriInfo uri) {
        return "https".equalsIgnoreCase(uri.getRequestUri().getScheme());
    }
}
