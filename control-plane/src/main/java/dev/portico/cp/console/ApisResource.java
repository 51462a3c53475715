package dev.portico.cp.console;

import dev.portico.cp.api.ApiRequests;
import dev.portico.cp.api.ApiService;
import dev.portico.cp.api.ApiView;
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
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Map;

/** {@code /console/apis}: the list, creating one, deleting one (after asking). */
@Path("/console/apis")
@PermitAll
@SignedIn
@Produces(MediaType.TEXT_HTML)
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class ApisResource {

    @Inject
    CurrentSession current;

    @Inject
    ApiService apis;

    @Inject
    ErrorPages errors;

    @GET
    public Response list() {
        return page(Form.empty(), 200);
    }

    @POST
    public Response create(@FormParam(Sessions.CSRF_FIELD) String csrf, @FormParam("name") String name,
                           @FormParam("description") String description) {
        current.write(csrf);
        Form form = Form.of(Map.of("name", orEmpty(name), "description", orEmpty(description)));
        try {
            ApiView api = apis.create(new ApiRequests.Create(name, description));
            return Navigation.seeOther("/console/apis/" + api.id() + "/routes");
        } catch (ProblemException e) {
            return page(form.refused(e), e.status());
        }
    }

    @GET
    @Path("{apiId}")
    public Response api(@PathParam("apiId") String apiId) {
        return Navigation.seeOther("/console/apis/" + apis.get(apiId).id() + "/routes");
    }

    @GET
    @Path("{apiId}/delete")
    public Response confirmDelete(@PathParam("apiId") String apiId) {
        current.writer();
        ApiView api = apis.get(apiId);
        return ErrorPages.html(Pages.confirm(current.chrome("apis"), new Confirm("Delete API " + api.name(),
                "This deletes API " + api.name() + " (" + api.id() + ") with its routes, integrations, deployments "
                        + "and stages. Nodes stop serving its stages at once. This cannot be undone.",
                "/console/apis/" + api.id() + "/delete", "Delete API", "/console/apis/" + api.id() + "/routes")));
    }

    @POST
    @Path("{apiId}/delete")
    public Response delete(@PathParam("apiId") String apiId, @FormParam(Sessions.CSRF_FIELD) String csrf) {
        current.write(csrf);
        apis.delete(apiId);
        return Navigation.seeOther("/console/apis");
    }

    private Response page(Form form, int status) {
        return ErrorPages.html(Pages.apis(current.chrome("apis"), apis.list(ApiHeaders.ALL).items(), form), status);
    }

    static String orEmpty(String text) {
        return text == null ? "" : text;
    }

    @ServerExceptionMapper
    Response problem(ProblemException problem) {
        return errors.page(problem);
    }
}
