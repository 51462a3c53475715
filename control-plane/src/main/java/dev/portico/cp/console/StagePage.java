package dev.portico.cp.console;

import dev.portico.cp.api.RouteService;
import dev.portico.cp.api.RouteView;
import dev.portico.cp.deployment.DeploymentRequests;
import dev.portico.cp.deployment.DeploymentService;
import dev.portico.cp.deployment.HistoryView;
import dev.portico.cp.deployment.StageHistoryService;
import dev.portico.cp.deployment.StageService;
import dev.portico.cp.deployment.StageView;
import dev.portico.cp.error.FieldError;
import dev.portico.cp.error.ProblemException;
import dev.portico.snapshot.Route;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import java.util.ArrayList;
import java.util.List;

/**
 * A stage's page: its variables and throttles (one form, saved as one PATCH of the stage, so a
 * refusal saves nothing) and the history of its deployment.
 */
@ApplicationScoped
class StagePage {

    @Inject
    CurrentSession current;

    @Inject
    ApiHeaders headers;

    @Inject
    StageService stages;

    @Inject
    StageHistoryService history;

    @Inject
    DeploymentService deployments;

    @Inject
    RouteService routes;

    Response show(String apiId, String stage, boolean saved) {
        StageView view = stages.get(apiId, stage);
        return render(apiId, view, StageForm.of(view, routeKeys(apiId, view)), saved, 200);
    }

    Response save(String apiId, String stage, MultivaluedMap<String, String> typed) {
        current.write(typed.getFirst(Sessions.CSRF_FIELD));
        StageForm form = StageForm.of(typed);
        try {
            List<FieldError> typos = new ArrayList<>();
            var request = new DeploymentRequests.PatchStage(null, null, form.variables(typos), form.throttle(typos),
                    form.routeSettings(typos));
            if (!typos.isEmpty()) {
                throw ProblemException.invalid(typos);
            }
            stages.patch(apiId, stage, form.ifMatch(), request, current.get().username());
            return Navigation.seeOther("/console/apis/" + apiId + "/stages/" + Navigation.encode(stage) + "?saved=1");
        } catch (ProblemException e) {
            return RoutesResource.rethrowUnlessForm(e, () ->
                    render(apiId, stages.get(apiId, stage), form.refused(e), false, e.status()));
        }
    }

    private Response render(String apiId, StageView stage, StageForm form, boolean saved, int status) {
        List<HistoryView> entries = history.history(apiId, stage.name(), ApiHeaders.ALL).items();
        return ErrorPages.html(Pages.stage(current.chrome("apis"), headers.of(apiId, "stages"), stage, form.form(),
                form.variableRows(), form.routeRows(), entries, saved), status);
    }

    /** The routes the stage serves; the draft's while it serves nothing. */
    private List<String> routeKeys(String apiId, StageView stage) {
        if (stage.deploymentId() != null) {
            return deployments.get(apiId, stage.deploymentId()).routes().stream().map(Route::routeKey).sorted().toList();
        }
        return routes.list(apiId, ApiHeaders.ALL).items().stream().map(RouteView::routeKey).toList();
    }
}
