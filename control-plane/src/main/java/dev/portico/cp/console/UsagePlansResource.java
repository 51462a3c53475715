package dev.portico.cp.console;

import dev.portico.cp.error.FieldError;
import dev.portico.cp.error.ProblemException;
import dev.portico.cp.usage.PlanUsageService;
import dev.portico.cp.usageplan.SubscriptionService;
import dev.portico.cp.usageplan.UsagePlanRequests;
import dev.portico.cp.usageplan.UsagePlanService;
import dev.portico.cp.usageplan.UsagePlanView;
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

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code /console/usage-plans}: the list, creating and editing a plan (limits and API stages), a
 * plan's page (its stages, its keys, their usage per day), unsubscribing a key, deleting a plan.
 */
@Path("/console/usage-plans")
@PermitAll
@SignedIn
@Produces(MediaType.TEXT_HTML)
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class UsagePlansResource {

    private static final String BASE = "/console/usage-plans";
    /** The plan page's chart: this many days, ending today (UTC). */
    static final int CHART_DAYS = 7;

    @Inject
    CurrentSession current;

    @Inject
    UsagePlanService plans;

    @Inject
    SubscriptionService subscriptions;

    @Inject
    KeySubscriptions subscribed;

    @Inject
    PlanUsageService usage;

    @Inject
    StageOptions stageOptions;

    @Inject
    ErrorPages errors;

    @GET
    public Response list() {
        return ErrorPages.html(Pages.usagePlans(current.chrome("usage-plans"), plans.list(ApiHeaders.ALL).items()));
    }

    @GET
    @Path("new")
    public Response createForm() {
        current.writer();
        return formPage(null, PlanForm.empty(), 200);
    }

    @POST
    public Response create(MultivaluedMap<String, String> typed) {
        current.write(typed.getFirst(Sessions.CSRF_FIELD));
        PlanForm form = PlanForm.of(typed);
        try {
            List<FieldError> numbers = new ArrayList<>();
            var request = new UsagePlanRequests.Create(form.value("name"), form.value("description"),
                    form.throttle(numbers), form.quota(numbers), form.apiStages(List.of()));
            refuseIfAny(numbers);
            return Navigation.seeOther(BASE + "/" + plans.create(request).id());
        } catch (ProblemException e) {
            return RoutesResource.rethrowUnlessForm(e, () -> formPage(null, form.refused(e), e.status()));
        }
    }

    @GET
    @Path("{planId}")
    public Response plan(@PathParam("planId") String planId) {
        UsagePlanView plan = plans.get(planId);
        LocalDate today = LocalDate.now(Clock.systemUTC());
        LocalDate from = today.minusDays(CHART_DAYS - 1L);
        PlanUsageChart chart = PlanUsageChart.of(usage.usage(planId, from.toString(), today.toString(), null));
        return ErrorPages.html(Pages.usagePlan(current.chrome("usage-plans"), plan, stageOptions.labels(plan),
                subscribed.keysOf(planId), chart));
    }

    @GET
    @Path("{planId}/edit")
    public Response editForm(@PathParam("planId") String planId) {
        current.writer();
        UsagePlanView plan = plans.get(planId);
        return formPage(plan, PlanForm.of(plan), 200);
    }

    @POST
    @Path("{planId}")
    public Response update(@PathParam("planId") String planId, MultivaluedMap<String, String> typed) {
        current.write(typed.getFirst(Sessions.CSRF_FIELD));
        UsagePlanView plan = plans.get(planId);
        PlanForm form = PlanForm.of(typed);
        try {
            List<FieldError> numbers = new ArrayList<>();
            var request = new UsagePlanRequests.Patch(form.value("name"), form.value("description"),
                    form.throttle(numbers), form.quota(numbers), form.apiStages(plan.apiStages()));
            refuseIfAny(numbers);
            plans.patch(planId, null, request);
            return Navigation.seeOther(BASE + "/" + planId);
        } catch (ProblemException e) {
            return RoutesResource.rethrowUnlessForm(e, () -> formPage(plan, form.refused(e), e.status()));
        }
    }

    @POST
    @Path("{planId}/keys/{keyId}/delete")
    public Response unsubscribe(@PathParam("planId") String planId, @PathParam("keyId") String keyId,
                                @FormParam(Sessions.CSRF_FIELD) String csrf) {
        current.write(csrf);
        subscriptions.unsubscribe(planId, keyId);
        return Navigation.seeOther(BASE + "/" + planId);
    }

    @GET
    @Path("{planId}/delete")
    public Response confirmDelete(@PathParam("planId") String planId) {
        current.writer();
        UsagePlanView plan = plans.get(planId);
        return ErrorPages.html(Pages.confirm(current.chrome("usage-plans"), new Confirm("Delete usage plan " + plan.name(),
                "This deletes usage plan " + plan.name() + " and every key's subscription to it. Keys in no other "
                        + "plan for a stage are refused there at once. This cannot be undone.",
                BASE + "/" + planId + "/delete", "Delete usage plan", BASE + "/" + planId)));
    }

    @POST
    @Path("{planId}/delete")
    public Response delete(@PathParam("planId") String planId, @FormParam(Sessions.CSRF_FIELD) String csrf) {
        current.write(csrf);
        plans.delete(planId);
        return Navigation.seeOther(BASE);
    }

    private Response formPage(UsagePlanView plan, PlanForm form, int status) {
        return ErrorPages.html(Pages.usagePlanForm(current.chrome("usage-plans"), plan, form.form(),
                form.stageFields(), stageOptions.all()), status);
    }

    /** A number field that holds no number: refused before the service sees anything. */
    private static void refuseIfAny(List<FieldError> numbers) {
        if (!numbers.isEmpty()) {
            throw ProblemException.invalid(numbers);
        }
    }

    @ServerExceptionMapper
    Response problem(ProblemException problem) {
        return errors.page(problem);
    }
}
