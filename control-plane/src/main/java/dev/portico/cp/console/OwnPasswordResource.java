package dev.portico.cp.console;

import dev.portico.cp.auth.AdminUser;
import dev.portico.cp.auth.AdminUsers;
import dev.portico.cp.auth.PasswordChange;
import dev.portico.cp.error.FieldError;
import dev.portico.cp.error.LoginThrottledException;
import dev.portico.cp.error.ProblemException;
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

import java.util.List;
import java.util.Map;

/**
 * {@code /console/password}: every signed-in user changes their own password. The session goes on
 * with a new cookie, as the change refuses every token issued before it (other browsers sign in again).
 */
@Path("/console/password")
@PermitAll
@SignedIn
@Produces(MediaType.TEXT_HTML)
public class OwnPasswordResource {

    private static final String PATH = "/console/password";

    @Inject
    CurrentSession current;

    @Inject
    AdminUsers users;

    @Inject
    Sessions sessions;

    @GET
    public Response form(@QueryParam("changed") String changed) {
        return page(empty(), changed != null, 200);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response change(@FormParam(Sessions.CSRF_FIELD) String csrf,
                           @FormParam("currentPassword") String currentPassword,
                           @FormParam("newPassword") String newPassword, @FormParam("newPasswordAgain") String again,
                           @Context UriInfo uri, @Context HttpServerRequest request) {
        ConsoleSession session = current.checkCsrf(csrf);
        if (!ApisResource.orEmpty(newPassword).equals(ApisResource.orEmpty(again))) {
            return page(empty().refused(List.of(new FieldError("newPasswordAgain",
                    "does not match the new password")), null), false, 400);
        }
        try {
            AdminUser user = users.changeOwnPassword(session.username(), new PasswordChange(
                    ApisResource.orEmpty(currentPassword), ApisResource.orEmpty(newPassword)),
                    request.remoteAddress().hostAddress());
            return Response.fromResponse(Navigation.seeOther(PATH + "?changed=1"))
                    .header("Set-Cookie", sessions.cookie(sessions.renew(user), LoginResource.secure(uri))).build();
        } catch (LoginThrottledException e) {
            return Response.fromResponse(page(empty().refused(List.of(), "Too many wrong passwords in a row. "
                    + "Try again in " + e.retryAfterSeconds() + " s."), false, 429))
                    .header("Retry-After", e.retryAfterSeconds()).build();
        } catch (ProblemException e) {
            return page(empty().refused(e), false, e.status());
        }
    }

    /** Passwords typed are never shown back. */
    private static Form empty() {
        return Form.of(Map.of("currentPassword", "", "newPassword", "", "newPasswordAgain", ""));
    }

    private Response page(Form form, boolean changed, int status) {
        return ErrorPages.html(Pages.password(current.chrome("password"), form, changed), status);
    }
}
