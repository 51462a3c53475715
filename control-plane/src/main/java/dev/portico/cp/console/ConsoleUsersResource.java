package dev.portico.cp.console;

import dev.portico.cp.auth.Roles;
import dev.portico.cp.auth.UserAccounts;
import dev.portico.cp.auth.UserPatch;
import dev.portico.cp.auth.UserRequest;
import dev.portico.cp.auth.UserView;
import dev.portico.cp.error.ProblemException;
import dev.portico.cp.paging.PageRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;
import java.util.Map;

/**
 * {@code /console/users}, admins only: the list and creating a user; a user's page (change role,
 * reset password); deleting one (after asking). Passwords typed are never shown back.
 */
@Path("/console/users")
@PermitAll
@SignedIn
@Produces(MediaType.TEXT_HTML)
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class ConsoleUsersResource {

    private static final String BASE = "/console/users";
    static final List<String> ROLES = List.of(Roles.VIEWER, Roles.EDITOR, Roles.ADMIN);

    @Inject
    CurrentSession current;

    @Inject
    UserAccounts users;

    @Inject
    ErrorPages errors;

    @GET
    public Response list() {
        current.admin();
        return listPage(Form.of(Map.of("username", "", "password", "", "role", Roles.VIEWER)), 200);
    }

    @POST
    public Response create(@FormParam(Sessions.CSRF_FIELD) String csrf, @FormParam("username") String username,
                           @FormParam("password") String password, @FormParam("role") String role) {
        current.admin(csrf);
        Form form = Form.of(Map.of("username", ApisResource.orEmpty(username), "password", "",
                "role", ApisResource.orEmpty(role)));
        try {
            UserView user = users.create(new UserRequest(username, password, role));
            return Navigation.seeOther(BASE + "/" + user.username());
        } catch (ProblemException e) {
            return RoutesResource.rethrowUnlessForm(e, () -> listPage(form.refused(e), e.status()));
        }
    }

    @GET
    @Path("{username}")
    public Response user(@PathParam("username") String username, @QueryParam("saved") String saved) {
        current.admin();
        UserView user = users.get(username);
        return userPage(user, Form.of(Map.of("role", user.role(), "password", "")), saved != null, 200);
    }

    @POST
    @Path("{username}/role")
    public Response changeRole(@PathParam("username") String username, @FormParam(Sessions.CSRF_FIELD) String csrf,
                               @FormParam("role") String role) {
        current.admin(csrf);
        return update(username, new UserPatch(ApisResource.orEmpty(role), null),
                Form.of(Map.of("role", ApisResource.orEmpty(role), "password", "")));
    }

    @POST
    @Path("{username}/password")
    public Response resetPassword(@PathParam("username") String username,
                                  @FormParam(Sessions.CSRF_FIELD) String csrf, @FormParam("password") String password) {
        current.admin(csrf);
        UserView user = users.get(username);
        return update(username, new UserPatch(null, ApisResource.orEmpty(password)),
                Form.of(Map.of("role", user.role(), "password", "")));
    }

    @GET
    @Path("{username}/delete")
    public Response confirmDelete(@PathParam("username") String username) {
        current.admin();
        UserView user = users.get(username);
        return ErrorPages.html(Pages.confirm(current.chrome("users"), new Confirm("Delete user " + user.username(),
                "This deletes user " + user.username() + " (" + user.role() + "). Their sessions and tokens stop "
                        + "working at once. This cannot be undone.",
                BASE + "/" + user.username() + "/delete", "Delete user", BASE + "/" + user.username())));
    }

    @POST
    @Path("{username}/delete")
    public Response delete(@PathParam("username") String username, @FormParam(Sessions.CSRF_FIELD) String csrf) {
        ConsoleSession admin = current.admin(csrf);
        users.delete(username, admin.username());
        return Navigation.seeOther(BASE);
    }

    private Response update(String username, UserPatch patch, Form form) {
        try {
            users.update(username, patch);
            return Navigation.seeOther(BASE + "/" + username + "?saved=1");
        } catch (ProblemException e) {
            return RoutesResource.rethrowUnlessForm(e, () -> userPage(users.get(username), form.refused(e), false,
                    e.status()));
        }
    }

    private Response listPage(Form form, int status) {
        return ErrorPages.html(Pages.users(current.chrome("users"),
                users.list(PageRequest.of(100, null)).items(), ROLES, form), status);
    }

    private Response userPage(UserView user, Form form, boolean saved, int status) {
        return ErrorPages.html(Pages.user(current.chrome("users"), user, ROLES, form, saved), status);
    }

    @ServerExceptionMapper
    Response problem(ProblemException problem) {
        return errors.page(problem);
    }
}
