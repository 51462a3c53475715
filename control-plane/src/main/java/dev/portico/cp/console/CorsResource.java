package dev.portico.cp.console;

import dev.portico.cp.api.ApiService;
import dev.portico.cp.api.CorsRequest;
import dev.portico.cp.error.FieldError;
import dev.portico.cp.error.ProblemException;
import dev.portico.snapshot.Cors;
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
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The CORS tab of an API: live settings (saved without a deployment), removed after asking. */
@Path("/console/apis/{apiId}/cors")
@PermitAll
@SignedIn
@Produces(MediaType.TEXT_HTML)
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class CorsResource {

    static final List<String> LISTS = List.of("cors.allowOrigins", "cors.allowMethods", "cors.allowHeaders",
            "cors.exposeHeaders");

    @Inject
    CurrentSession current;

    @Inject
    ApiService apis;

    @Inject
    ApiHeaders headers;

    @Inject
    ErrorPages errors;

    @GET
    public Response show(@PathParam("apiId") String apiId, @QueryParam("saved") String saved) {
        Cors cors = apis.get(apiId).cors();
        return page(apiId, of(cors), saved != null, 200);
    }

    @POST
    public Response save(@PathParam("apiId") String apiId, MultivaluedMap<String, String> body) {
        current.write(body.getFirst(Sessions.CSRF_FIELD));
        Map<String, String> typed = new HashMap<>();
        LISTS.forEach(f -> typed.put(f, ApisResource.orEmpty(body.getFirst(f))));
        typed.put("cors.maxAge", ApisResource.orEmpty(body.getFirst("cors.maxAge")));
        typed.put("cors.allowCredentials", ApisResource.orEmpty(body.getFirst("cors.allowCredentials")));
        Form form = Form.of(typed);
        try {
            apis.setCors(apiId, request(form));
            return Navigation.seeOther(base(apiId) + "?saved=true");
        } catch (ProblemException e) {
            return RoutesResource.rethrowUnlessForm(e, () -> page(apiId, form.refused(e), false, e.status()));
        }
    }

    @GET
    @Path("delete")
    public Response confirmRemove(@PathParam("apiId") String apiId) {
        current.writer();
        String name = apis.get(apiId).name();
        return ErrorPages.html(Pages.confirm(current.chrome("apis"), new Confirm("Remove CORS of " + name,
                "The gateway stops answering CORS for API " + name + " at once, on every stage, without a deploy; "
                        + "the backends' own CORS headers pass through again.", base(apiId) + "/delete",
                "Remove CORS", base(apiId))));
    }

    @POST
    @Path("delete")
    public Response remove(@PathParam("apiId") String apiId, @FormParam(Sessions.CSRF_FIELD) String csrf) {
        current.write(csrf);
        apis.setCors(apiId, null);
        return Navigation.seeOther(base(apiId) + "?saved=true");
    }

    private Response page(String apiId, Form form, boolean saved, int status) {
        return ErrorPages.html(Pages.cors(current.chrome("apis"), headers.of(apiId, "cors"), form, saved), status);
    }

    private static Form of(Cors cors) {
        Map<String, String> values = new HashMap<>();
        values.put("cors.allowOrigins", cors == null ? "" : FormList.shown(cors.allowOrigins()));
        values.put("cors.allowMethods", cors == null ? "" : FormList.shown(cors.allowMethods()));
        values.put("cors.allowHeaders", cors == null ? "" : FormList.shown(cors.allowHeaders()));
        values.put("cors.exposeHeaders", cors == null ? "" : FormList.shown(cors.exposeHeaders()));
        values.put("cors.maxAge", cors == null || cors.maxAge() == null ? "" : cors.maxAge().toString());
        values.put("cors.allowCredentials", cors != null && cors.allowCredentials() ? "true" : "");
        return Form.of(values);
    }

    private static CorsRequest request(Form form) {
        List<FieldError> numbers = new ArrayList<>();
        Integer maxAge = FormNumber.whole(form, "cors.maxAge", numbers);
        CorsRequest request = new CorsRequest(FormList.read(form, "cors.allowOrigins"),
                FormList.read(form, "cors.allowMethods"), FormList.read(form, "cors.allowHeaders"),
                FormList.read(form, "cors.exposeHeaders"), maxAge, form.checked("cors.allowCredentials"));
        return FormNumber.readable(request, numbers, request::validate);
    }

    private static String base(String apiId) {
        return "/console/apis/" + apiId + "/cors";
    }

    @ServerExceptionMapper
    Response problem(ProblemException problem) {
        return errors.page(problem);
    }
}
