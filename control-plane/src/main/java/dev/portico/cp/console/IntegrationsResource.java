package dev.portico.cp.console;

import dev.portico.cp.api.IntegrationService;
import dev.portico.cp.api.IntegrationView;
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

import java.util.Map;

/** The integrations tab of an API: list, add, edit, delete (after asking). */
@Path("/console/apis/{apiId}/integrations")
@PermitAll
@SignedIn
@Produces(MediaType.TEXT_HTML)
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class IntegrationsResource {

    @Inject
    CurrentSession current;

    @Inject
    IntegrationService integrations;

    @Inject
    ApiHeaders headers;

    @Inject
    ErrorPages errors;

    @GET
    public Response list(@PathParam("apiId") String apiId) {
        return listPage(apiId, IntegrationForm.of(Map.of("type", "HTTP_PROXY", "method", "ANY",
                "payloadFormatVersion", "2.0")), 200);
    }

    @POST
    public Response create(@PathParam("apiId") String apiId, MultivaluedMap<String, String> body) {
        current.write(body.getFirst(Sessions.CSRF_FIELD));
        Form form = IntegrationForm.of(IntegrationForm.typed(body));
        try {
            integrations.create(apiId, IntegrationForm.request(form));
            return Navigation.seeOther(base(apiId));
        } catch (ProblemException e) {
            return RoutesResource.rethrowUnlessForm(e,
                    () -> listPage(apiId, IntegrationForm.refused(form, e), e.status()));
        }
    }

    @GET
    @Path("{integrationId}")
    public Response edit(@PathParam("apiId") String apiId, @PathParam("integrationId") String id) {
        current.writer();
        IntegrationView integration = integrations.get(apiId, id);
        return editPage(apiId, integration, IntegrationForm.of(integration), 200);
    }

    @POST
    @Path("{integrationId}")
    public Response update(@PathParam("apiId") String apiId, @PathParam("integrationId") String id,
                           MultivaluedMap<String, String> body) {
        current.write(body.getFirst(Sessions.CSRF_FIELD));
        IntegrationView integration = integrations.get(apiId, id);
        Form form = IntegrationForm.of(IntegrationForm.typed(body));
        try {
            integrations.patch(apiId, id, null, IntegrationForm.request(form));
            return Navigation.seeOther(base(apiId));
        } catch (ProblemException e) {
            return RoutesResource.rethrowUnlessForm(e,
                    () -> editPage(apiId, integration, IntegrationForm.refused(form, e), e.status()));
        }
    }

    @GET
    @Path("{integrationId}/delete")
    public Response confirmDelete(@PathParam("apiId") String apiId, @PathParam("integrationId") String id) {
        current.writer();
        integrations.get(apiId, id);
        return ErrorPages.html(Pages.confirm(current.chrome("apis"), new Confirm("Delete integration " + id,
                "This deletes integration " + id + " from the draft. A route that uses it must be changed or "
                        + "deleted first.", base(apiId) + "/" + id + "/delete", "Delete integration", base(apiId))));
    }

    @POST
    @Path("{integrationId}/delete")
    public Response delete(@PathParam("apiId") String apiId, @PathParam("integrationId") String id,
                           @FormParam(Sessions.CSRF_FIELD) String csrf) {
        current.write(csrf);
        try {
            integrations.delete(apiId, id);
        } catch (ProblemException e) {
            // In use: say so on the tab, where the routes that use it are one click away.
            return RoutesResource.rethrowUnlessForm(e, () -> listPage(apiId,
                    IntegrationForm.of(Map.of("type", "HTTP_PROXY")).refused(e), e.status()));
        }
        return Navigation.seeOther(base(apiId));
    }

    private Response listPage(String apiId, Form form, int status) {
        return ErrorPages.html(Pages.integrations(current.chrome("apis"), headers.of(apiId, "integrations"),
                integrations.list(apiId, ApiHeaders.ALL).items(), form, IntegrationForm.rows(form),
                ResponseMappingRow.rows(form)), status);
    }

    private Response editPage(String apiId, IntegrationView integration, Form form, int status) {
        return ErrorPages.html(Pages.integration(current.chrome("apis"), headers.of(apiId, "integrations"),
                integration, form, IntegrationForm.rows(form), ResponseMappingRow.rows(form)), status);
    }

    private static String base(String apiId) {
        return "/console/apis/" + apiId + "/integrations";
    }

    @ServerExceptionMapper
    Response problem(ProblemException problem) {
        return errors.page(problem);
    }
}
