package dev.portico.cp.console;

import dev.portico.cp.api.ModelService;
import dev.portico.cp.api.ModelView;
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


/** The models tab of an API: list, add, edit (name, description, JSON Schema), delete (after asking). */
@Path("/console/apis/{apiId}/models")
@PermitAll
@SignedIn
@Produces(MediaType.TEXT_HTML)
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class ModelsResource {

    @Inject
    CurrentSession current;

    @Inject
    ModelService models;

    @Inject
    ApiHeaders headers;

    @Inject
    ErrorPages errors;

    @GET
    public Response list(@PathParam("apiId") String apiId) {
        return listPage(apiId, ModelForm.fresh(), 200);
    }

    @POST
    public Response create(@PathParam("apiId") String apiId, MultivaluedMap<String, String> body) {
        current.write(body.getFirst(Sessions.CSRF_FIELD));
        Form form = ModelForm.of(Form.typed(body, ModelForm.FIELDS));
        try {
            models.create(apiId, ModelForm.request(form));
            return Navigation.seeOther(base(apiId));
        } catch (ProblemException e) {
            return RoutesResource.rethrowUnlessForm(e, () -> listPage(apiId, form.refused(e), e.status()));
        }
    }

    @GET
    @Path("{modelId}")
    public Response edit(@PathParam("apiId") String apiId, @PathParam("modelId") String id) {
        current.writer();
        ModelView model = models.get(apiId, id);
        return editPage(apiId, model, ModelForm.of(model), 200);
    }

    @POST
    @Path("{modelId}")
    public Response update(@PathParam("apiId") String apiId, @PathParam("modelId") String id,
                           MultivaluedMap<String, String> body) {
        current.write(body.getFirst(Sessions.CSRF_FIELD));
        ModelView model = models.get(apiId, id);
        Form form = ModelForm.of(Form.typed(body, ModelForm.FIELDS));
        try {
            models.patch(apiId, id, null, ModelForm.request(form));
            return Navigation.seeOther(base(apiId));
        } catch (ProblemException e) {
            return RoutesResource.rethrowUnlessForm(e, () -> editPage(apiId, model, form.refused(e), e.status()));
        }
    }

    @GET
    @Path("{modelId}/delete")
    public Response confirmDelete(@PathParam("apiId") String apiId, @PathParam("modelId") String id) {
        current.writer();
        ModelView model = models.get(apiId, id);
        return ErrorPages.html(Pages.confirm(current.chrome("apis"), new Confirm("Delete model " + model.name(),
                "This deletes model " + model.name() + " (" + id + ") from the draft. Routes that validate bodies "
                        + "with it must be changed first; stages keep using it until the next deploy.",
                base(apiId) + "/" + id + "/delete", "Delete model", base(apiId))));
    }

    @POST
    @Path("{modelId}/delete")
    public Response delete(@PathParam("apiId") String apiId, @PathParam("modelId") String id,
                           @FormParam(Sessions.CSRF_FIELD) String csrf) {
        current.write(csrf);
        try {
            models.delete(apiId, id);
        } catch (ProblemException e) {
            // In use: say so on the tab, naming the routes.
            return RoutesResource.rethrowUnlessForm(e, () -> listPage(apiId, ModelForm.fresh().refused(e),
                    e.status()));
        }
        return Navigation.seeOther(base(apiId));
    }

    private Response listPage(String apiId, Form form, int status) {
        return ErrorPages.html(Pages.models(current.chrome("apis"), headers.of(apiId, "models"),
                models.list(apiId, ApiHeaders.ALL).items(), form), status);
    }

    private Response editPage(String apiId, ModelView model, Form form, int status) {
        return ErrorPages.html(Pages.model(current.chrome("apis"), headers.of(apiId, "models"), model, form),
                status);
    }

    private static String base(String apiId) {
        return "/console/apis/" + apiId + "/models";
    }

    @ServerExceptionMapper
    Response problem(ProblemException problem) {
        return errors.page(problem);
    }
}
