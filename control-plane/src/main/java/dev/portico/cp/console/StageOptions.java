package dev.portico.cp.console;

import dev.portico.cp.api.ApiService;
import dev.portico.cp.api.ApiView;
import dev.portico.cp.deployment.StageService;
import dev.portico.cp.usageplan.UsagePlanView;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Every API stage, named for people ("shop · prod"): the choices of a usage plan's API stages. */
@ApplicationScoped
public class StageOptions {

    private final ApiService apis;
    private final StageService stages;

    StageOptions(ApiService apis, StageService stages) {
        this.apis = apis;
        this.stages = stages;
    }

    List<StageOption> all() {
        List<StageOption> options = new ArrayList<>();
        for (ApiView api : apis.list(ApiHeaders.ALL).items()) {
            stages.list(api.id(), ApiHeaders.ALL).items().forEach(s ->
                    options.add(new StageOption(api.id() + "/" + s.name(), api.name() + " · " + s.name())));
        }
        return options;
    }

    /** The plan's API stages with their API's name (the id alone when the API is gone). */
    List<StageOption> labels(UsagePlanView plan) {
        Map<String, String> names = apis.list(ApiHeaders.ALL).items().stream()
                .collect(Collectors.toMap(ApiView::id, ApiView::name));
        return plan.apiStages().stream().map(s -> new StageOption(s.apiId() + "/" + s.stage(),
                names.getOrDefault(s.apiId(), s.apiId()) + " · " + s.stage())).toList();
    }
}
