package dev.portico.cp.console;

import dev.portico.cp.api.AuthorizerService;
import dev.portico.cp.api.AuthorizerView;
import dev.portico.cp.api.IntegrationService;
import dev.portico.cp.api.IntegrationView;
import dev.portico.cp.api.ModelService;
import dev.portico.cp.api.ModelView;
import dev.portico.cp.api.RouteRequest;
import dev.portico.cp.api.RouteService;
import dev.portico.cp.api.RouteView;
import dev.portico.cp.error.FieldError;
import dev.portico.cp.error.ProblemException;
import dev.portico.snapshot.RequestValidation;
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

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The routes tab of an API: list, add, edit, delete (after asking). */
@Path("/console/apis/{apiId}/routes")
@PermitAll
@SignedIn
@Produces(MediaType.TEXT_HTML)
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class RoutesResource {

    @Inject
    CurrentSession current;

    @Inject
    RouteService routes;

    @Inject
    IntegrationService integrations;

    @Inject
    AuthorizerService authorizers;

    @Inject
    ModelService models;

    @Inject
    ApiHeaders headers;

    @Inject
    ErrorPages errors;

    @GET
    public Response list(@PathParam("apiId") String apiId) {
        return listPage(apiId, Form.empty(), 200);
    }

    @POST
    public Response create(@PathParam("apiId") String apiId, @FormParam(Sessions.CSRF_FIELD) String csrf,
                           @FormParam("routeKey") String routeKey, @FormParam("integrationId") String integrationId,
                           @FormParam("authorizationType") String authorizationType,
                           @FormParam("authorizerId") String authorizerId,
                           @FormParam("authorizationScopes") String scopes,
                           @FormParam("apiKeyRequired") String apiKeyRequired,
                           @FormParam("bodyModel") String bodyModel,
                           @FormParam("requiredParameters") String requiredParameters) {
        current.write(csrf);
        Form form = form(routeKey, integrationId, authorizationType, authorizerId, scopes, apiKeyRequired,
                bodyModel, requiredParameters);
        try {
            routes.create(apiId, request(form));
            return Navigation.seeOther(base(apiId));
        } catch (ProblemException e) {
            return rethrowUnlessForm(e, () -> listPage(apiId, refused(form, e), e.status()));
        }
    }

    @GET
    @Path("{routeId}")
    public Response edit(@PathParam("apiId") String apiId, @PathParam("routeId") String routeId) {
        current.writer();
        RouteView route = routes.get(apiId, routeId);
        RequestValidation validation = route.requestValidation();
        Form form = form(route.routeKey(), route.integrationId(), route.authorizationType().name(),
                route.authorizerId(), FormList.shown(route.authorizationScopes()),
                Boolean.toString(route.apiKeyRequired()), validation == null ? "" : validation.bodyModel(),
                validation == null ? "" : FormList.shown(validation.requiredParameters()));
        return editPage(apiId, route, form, 200);
    }

    @POST
    @Path("{routeId}")
    public Response update(@PathParam("apiId") String apiId, @PathParam("routeId") String routeId,
                           @FormParam(Sessions.CSRF_FIELD) String csrf, @FormParam("routeKey") String routeKey,
                           @FormParam("integrationId") String integrationId,
                           @FormParam("authorizationType") String authorizationType,
                           @FormParam("authorizerId") String authorizerId,
                           @FormParam("authorizationScopes") String scopes,
                           @FormParam("apiKeyRequired") String apiKeyRequired,
                           @FormParam("bodyModel") String bodyModel,
                           @FormParam("requiredParameters") String requiredParameters) {
        current.write(csrf);
        Form form = form(routeKey, integrationId, authorizationType, authorizerId, scopes, apiKeyRequired,
                bodyModel, requiredParameters);
        RouteView route = routes.get(apiId, routeId);
        try {
            routes.patch(apiId, routeId, null, request(form));
            return Navigation.seeOther(base(apiId));
        } catch (ProblemException e) {
            return rethrowUnlessForm(e, () -> editPage(apiId, route, refused(form, e), e.status()));
        }
    }

    @GET
    @Path("{routeId}/delete")
    public Response confirmDelete(@PathParam("apiId") String apiId, @PathParam("routeId") String routeId) {
        current.writer();
        RouteView route = routes.get(apiId, routeId);
        return ErrorPages.html(Pages.confirm(current.chrome("apis"), new Confirm("Delete route " + route.routeKey(),
                "This deletes route " + route.routeKey() + " from the draft. Stages keep serving it until the "
                        + "next deploy.", base(apiId) + "/" + routeId + "/delete", "Delete route", base(apiId))));
    }

    @POST
    @Path("{routeId}/delete")
    public Response delete(@PathParam("apiId") String apiId, @PathParam("routeId") String routeId,
                           @FormParam(Sessions.CSRF_FIELD) String csrf) {
        current.write(csrf);
        routes.delete(apiId, routeId);
        return Navigation.seeOther(base(apiId));
    }

    private Response listPage(String apiId, Form form, int status) {
        return ErrorPages.html(Pages.routes(current.chrome("apis"), headers.of(apiId, "routes"),
                routes.list(apiId, ApiHeaders.ALL).items(), integrations(apiId), authorizers(apiId), models(apiId), form),
                status);
    }

    private Response editPage(String apiId, RouteView route, Form form, int status) {
        return ErrorPages.html(Pages.route(current.chrome("apis"), headers.of(apiId, "routes"), route,
                integrations(apiId), authorizers(apiId), models(apiId), form), status);
    }

    private List<IntegrationView> integrations(String apiId) {
        return integrations.list(apiId, ApiHeaders.ALL).items();
    }

    private List<AuthorizerView> authorizers(String apiId) {
        return authorizers.list(apiId, ApiHeaders.ALL).items();
    }

    private List<ModelView> models(String apiId) {
        return models.list(apiId, ApiHeaders.ALL).items();
    }

    private static Form form(String routeKey, String integrationId, String authorizationType, String authorizerId,
                             String scopes, String apiKeyRequired, String bodyModel, String requiredParameters) {
        Map<String, String> values = new HashMap<>(Map.of("routeKey", ApisResource.orEmpty(routeKey).strip(),
                "integrationId", ApisResource.orEmpty(integrationId),
                "authorizationType", authorizationType == null || authorizationType.isBlank() ? "NONE" : authorizationType,
                "authorizerId", ApisResource.orEmpty(authorizerId),
                "authorizationScopes", ApisResource.orEmpty(scopes),
                "apiKeyRequired", ApisResource.orEmpty(apiKeyRequired)));
        values.put("bodyModel", ApisResource.orEmpty(bodyModel));
        values.put("requiredParameters", ApisResource.orEmpty(requiredParameters));
        return Form.of(values);
    }

    /** The service's errors about {@code requestValidation.*} shown at the validation fields. */
    private static Form refused(Form form, ProblemException problem) {
        List<FieldError> errors = problem.errors().stream().map(e -> {
            if (e.field().equals("requestValidation.bodyModel")) {
                return new FieldError("bodyModel", e.message());
            }
            if (e.field().startsWith("requestValidation.requiredParameters")) {
                return new FieldError("requiredParameters", e.message());
            }
            return e;
        }).toList();
        return form.refused(errors, problem.getMessage());
    }

    /**
     * NONE sends no authorizer, whatever the select still holds; an empty scopes field clears the scopes;
     * no body model and no required parameters turn validation off.
     */
    private static RouteRequest request(Form form) {
        boolean none = form.value("authorizationType").equals("NONE");
        List<String> scopes = FormList.read(form, "authorizationScopes");
        List<String> required = FormList.read(form, "requiredParameters");
        RequestValidation validation = new RequestValidation(form.value("bodyModel").isBlank() ? null
                : form.value("bodyModel"), required);
        return new RouteRequest(form.value("routeKey"), form.value("integrationId"), form.value("authorizationType"),
                none ? null : form.value("authorizerId"), none || scopes == null ? List.of() : scopes,
                form.checked("apiKeyRequired"), validation);
    }

    private static String base(String apiId) {
        return "/console/apis/" + apiId + "/routes";
    }

    /** A missing API or route is a page of its own; bad fields and conflicts go back to the form. */
    static Response rethrowUnlessForm(ProblemException e, java.util.function.Supplier<Response> formPage) {
        if (e.status() == 404 || e.status() >= 500) {
            throw e;
        }
        return formPage.get();
    }

    @ServerExceptionMapper
    Response problem(ProblemException problem) {
        return errors.page(problem);
    }
}
