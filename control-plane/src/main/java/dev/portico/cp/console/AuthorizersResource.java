package dev.portico.cp.console;

import dev.portico.cp.api.AuthorizerService;
import dev.portico.cp.api.AuthorizerView;
import dev.portico.cp.error.ProblemException;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;


/** The authorizers tab of an API: list, add (JWT or CUSTOM), edit, delete (after asking). */
@Path("/console/apis/{apiId}/authorizers")
@PermitAll
@SignedIn
@Produces(MediaType.TEXT_HTML)
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class AuthorizersResource {

    @Inject
    CurrentSession current;

    @Inject
    AuthorizerService authorizers;

    @Inject
    ApiHeaders headers;

    @Inject
    ErrorPages errors;

    @GET
    public Response list(@PathParam("apiId") String apiId) {
        return listPage(apiId, AuthorizerForm.fresh(), 200);
    }

    @POST
    public Response create(@PathParam("apiId") String apiId, MultivaluedMap<String, String> body) {
        current.write(body.getFirst(Sessions.CSRF_FIELD));
        Form form = AuthorizerForm.of(Form.typed(body, AuthorizerForm.FIELDS));
        try {
            authorizers.create(apiId, AuthorizerForm.request(form));
            return Navigation.seeOther(base(apiId));
        } catch (ProblemException e) {
            return RoutesResource.rethrowUnlessForm(e, () -> listPage(apiId, form.refused(e), e.status()));
        }
    }

    @GET
    @Path("{authorizerId}")
    public Response edit(@PathParam("apiId") String apiId, @PathParam("authorizerId") String id) {
        current.writer();
        AuthorizerView authorizer = authorizers.get(apiId, id);
        return editPage(apiId, authorizer, AuthorizerForm.of(authorizer), 200);
    }

    @POST
    @Path("{authorizerId}")
    public Response update(@PathParam("apiId") String apiId, @PathParam("authorizerId") String id,
                           MultivaluedMap<String, String> body) {
        current.write(body.getFirst(Sessions.CSRF_FIELD));
        AuthorizerView authorizer = authorizers.get(apiId, id);
        Form form = AuthorizerForm.of(Form.typed(body, AuthorizerForm.FIELDS));
        try {
            authorizers.patch(apiId, id, null, AuthorizerForm.request(form));
            return Navigation.seeOther(base(apiId));
        } catch (ProblemException e) {
            return RoutesResource.rethrowUnlessForm(e, () -> editPage(apiId, authorizer, form.refused(e), e.status()));
        }
    }

    @GET
    @Path("{authorizerId}/delete")
    public Response confirmDelete(@PathParam("apiId") String apiId, @PathParam("authorizerId") String id) {
        current.writer();
        AuthorizerView authorizer = authorizers.get(apiId, id);
        return ErrorPages.html(Pages.confirm(current.chrome("apis"), new Confirm("Delete authorizer " + authorizer.name(),
                "This deletes authorizer " + authorizer.name() + " (" + id + ") from the draft. Routes that use it "
                        + "must be changed or deleted first; stages keep using it until the next deploy.",
                base(apiId) + "/" + id + "/delete", "Delete authorizer", base(apiId))));
    }

    @POST
    @Path("{authorizerId}/delete")
    public Response delete(@PathParam("apiId") String apiId, @PathParam("authorizerId") String id,
                           @FormParam(Sessions.CSRF_FIELD) String csrf) {
        current.write(csrf);
        try {
            authorizers.delete(apiId, id);
        } catch (ProblemException e) {
            // In use: say so on the tab, where the routes that use it are one click away.
            return RoutesResource.rethrowUnlessForm(e, () -> listPage(apiId,
                    AuthorizerForm.fresh().refused(e), e.status()));
        }
        return Navigation.seeOther(base(apiId));
    }

    private Response listPage(String apiId, Form form, int status) {
        return ErrorPages.html(Pages.authorizers(current.chrome("apis"), headers.of(apiId, "authorizers"),
                authorizers.list(apiId, ApiHeaders.ALL).items(), form), status);
    }

    private Response editPage(String apiId, AuthorizerView authorizer, Form form, int status) {
        return ErrorPages.html(Pages.authorizer(current.chrome("apis"), headers.of(apiId, "authorizers"),
                authorizer, form), status);
    }

    private static String base(String apiId) {
        return "/console/apis/" + apiId + "/authorizers";
    }

    @ServerExceptionMapper
    Response problem(ProblemException problem) {
        return errors.page(problem);
    }
}
