package dev.portico.cp.console;

import dev.portico.cp.apikey.ApiKeyRequests;
import dev.portico.cp.apikey.ApiKeyService;
import dev.portico.cp.apikey.ApiKeyView;
import dev.portico.cp.apikey.NewApiKey;
import dev.portico.cp.error.ProblemException;
import dev.portico.cp.usageplan.SubscriptionService;
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

/**
 * {@code /console/api-keys}: the list, creating a key (its value shown once, on the answer to the
 * form), a key's page (enable/disable, subscribe to a plan), deleting one (after asking).
 */
@Path("/console/api-keys")
@PermitAll
@SignedIn
@Produces(MediaType.TEXT_HTML)
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class ApiKeysResource {

    private static final String BASE = "/console/api-keys";

    @Inject
    CurrentSession current;

    @Inject
    ApiKeyService keys;

    @Inject
    SubscriptionService subscriptions;

    @Inject
    KeySubscriptions subscribed;

    @Inject
    ErrorPages errors;

    @GET
    public Response list() {
        return listPage(Form.empty(), 200);
    }

    /**
     * The value exists only in this answer (the database keeps its hash), so the page that shows it
     * is the answer to the POST itself, never stored by the browser ({@code no-store}).
     */
    @POST
    public Response create(@FormParam(Sessions.CSRF_FIELD) String csrf, @FormParam("name") String name,
                           @FormParam("description") String description) {
        current.write(csrf);
        Form form = Form.of(Map.of("name", ApisResource.orEmpty(name), "description", ApisResource.orEmpty(description)));
        try {
            NewApiKey key = keys.create(new ApiKeyRequests.Create(name, description, null));
            return ErrorPages.html(Pages.apiKeyCreated(current.chrome("api-keys"), key), 201);
        } catch (ProblemException e) {
            return RoutesResource.rethrowUnlessForm(e, () -> listPage(form.refused(e), e.status()));
        }
    }

    @GET
    @Path("{keyId}")
    public Response key(@PathParam("keyId") String keyId) {
        return keyPage(keys.get(keyId), Form.of(Map.of("planId", "")), 200);
    }

    @POST
    @Path("{keyId}/enabled")
    public Response enable(@PathParam("keyId") String keyId, @FormParam(Sessions.CSRF_FIELD) String csrf,
                           @FormParam("enabled") String enabled) {
        current.write(csrf);
        keys.patch(keyId, null, new ApiKeyRequests.Patch(null, null, "true".equals(enabled)));
        return Navigation.seeOther(BASE + "/" + keyId);
    }

    @POST
    @Path("{keyId}/plans")
    public Response subscribe(@PathParam("keyId") String keyId, @FormParam(Sessions.CSRF_FIELD) String csrf,
                              @FormParam("planId") String planId) {
        current.write(csrf);
        ApiKeyView key = keys.get(keyId);
        Form form = Form.of(Map.of("planId", ApisResource.orEmpty(planId)));
        try {
            if (form.value("planId").isEmpty()) {
                throw ProblemException.invalid("planId", "is required: pick a usage plan");
            }
            subscriptions.subscribe(form.value("planId"), new SubscriptionService.Subscribe(keyId));
            return Navigation.seeOther(BASE + "/" + keyId);
        } catch (ProblemException e) {
            // The service names the key ("keyId"); on this page the choice is the plan.
            return RoutesResource.rethrowUnlessForm(e, () -> keyPage(key,
                    form.refused(e.errors().stream().map(f -> new dev.portico.cp.error.FieldError("planId", f.message()))
                            .toList(), e.getMessage()), e.status()));
        }
    }

    @GET
    @Path("{keyId}/delete")
    public Response confirmDelete(@PathParam("keyId") String keyId) {
        current.writer();
        ApiKeyView key = keys.get(keyId);
        return ErrorPages.html(Pages.confirm(current.chrome("api-keys"), new Confirm("Delete API key " + key.name(),
                "This deletes API key " + key.name() + " (" + key.displayPrefix() + "…) and its subscriptions. "
                        + "Requests that present it are refused at once. This cannot be undone.",
                BASE + "/" + keyId + "/delete", "Delete API key", BASE + "/" + keyId)));
    }

    @POST
    @Path("{keyId}/delete")
    public Response delete(@PathParam("keyId") String keyId, @FormParam(Sessions.CSRF_FIELD) String csrf) {
        current.write(csrf);
        keys.delete(keyId);
        return Navigation.seeOther(BASE);
    }

    private Response listPage(Form form, int status) {
        return ErrorPages.html(Pages.apiKeys(current.chrome("api-keys"), subscribed.rows(keys.list(ApiHeaders.ALL).items()),
                form), status);
    }

    private Response keyPage(ApiKeyView key, Form form, int status) {
        return ErrorPages.html(Pages.apiKey(current.chrome("api-keys"), subscribed.row(key),
                subscribed.plans(), form), status);
    }

    @ServerExceptionMapper
    Response problem(ProblemException problem) {
        return errors.page(problem);
    }
}
