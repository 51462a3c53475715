package dev.portico.cp.console;

import dev.portico.cp.api.GatewayResponseService;
import dev.portico.cp.api.GatewayResponseView;
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


/** The gateway responses tab of an API: every type, each edited on its own page, reset after asking. */
@Path("/console/apis/{apiId}/gateway-responses")
@PermitAll
@SignedIn
@Produces(MediaType.TEXT_HTML)
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class GatewayResponsesResource {

    @Inject
    CurrentSession current;

    @Inject
    GatewayResponseService responses;

    @Inject
    ApiHeaders headers;

    @Inject
    ErrorPages errors;

    @GET
    public Response list(@PathParam("apiId") String apiId) {
        return ErrorPages.html(Pages.gatewayResponses(current.chrome("apis"), headers.of(apiId, "gateway-responses"),
                responses.list(apiId).items()));
    }

    /** Viewers see the page too, without the save and reset buttons. */
    @GET
    @Path("{type}")
    public Response edit(@PathParam("apiId") String apiId, @PathParam("type") String type) {
        GatewayResponseView view = responses.get(apiId, type);
        return page(apiId, view, GatewayResponseForm.of(view), 200);
    }

    @POST
    @Path("{type}")
    public Response save(@PathParam("apiId") String apiId, @PathParam("type") String type,
                         MultivaluedMap<String, String> body) {
        current.write(body.getFirst(Sessions.CSRF_FIELD));
        GatewayResponseView view = responses.get(apiId, type);
        Form form = GatewayResponseForm.typed(Form.typed(body, GatewayResponseForm.FIELDS));
        try {
            responses.put(apiId, type, null, GatewayResponseForm.request(form));
            return Navigation.seeOther(base(apiId));
        } catch (ProblemException e) {
            return RoutesResource.rethrowUnlessForm(e,
                    () -> page(apiId, view, GatewayResponseForm.refused(form, e), e.status()));
        }
    }

    @GET
    @Path("{type}/reset")
    public Response confirmReset(@PathParam("apiId") String apiId, @PathParam("type") String type) {
        current.writer();
        GatewayResponseView view = responses.get(apiId, type);
        return ErrorPages.html(Pages.confirm(current.chrome("apis"), new Confirm("Reset " + view.type(),
                "The gateway answers " + view.type() + " with its built-in response again once the API is deployed.",
                base(apiId) + "/" + view.type() + "/reset", "Reset to built-in", base(apiId))));
    }

    @POST
    @Path("{type}/reset")
    public Response reset(@PathParam("apiId") String apiId, @PathParam("type") String type,
                          @FormParam(Sessions.CSRF_FIELD) String csrf) {
        current.write(csrf);
        responses.reset(apiId, type);
        return Navigation.seeOther(base(apiId));
    }

    private Response page(String apiId, GatewayResponseView view, Form form, int status) {
        return ErrorPages.html(Pages.gatewayResponse(current.chrome("apis"), headers.of(apiId, "gateway-responses"),
                view, form), status);
    }

    private static String base(String apiId) {
        return "/console/apis/" + apiId + "/gateway-responses";
    }

    @ServerExceptionMapper
    Response problem(ProblemException problem) {
        return errors.page(problem);
    }
}
