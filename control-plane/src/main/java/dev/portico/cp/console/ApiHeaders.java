package dev.portico.cp.console;

import dev.portico.cp.api.ApiService;
import dev.portico.cp.api.ApiView;
import dev.portico.cp.deployment.StageService;
import dev.portico.cp.paging.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** Reads what the top of an API's pages shows: the API and its stages with their badges. */
@ApplicationScoped
public class ApiHeaders {

    /** The console shows one page of stages; an API with more is better served by the admin API. */
    static final PageRequest ALL = PageRequest.of(PageRequest.MAX_LIMIT, null);

    private final ApiService apis;
    private final StageService stages;

    ApiHeaders(ApiService apis, StageService stages) {
        this.apis = apis;
        this.stages = stages;
    }

    ApiHeader of(String apiId, String tab) {
        ApiView api = apis.get(apiId);
        return new ApiHeader(api, tab, stages(apiId));
    }

    /** Each stage, with whether deploying the draft now would change it. */
    List<StageRow> stages(String apiId) {
        return stages.list(apiId, ALL).items().stream()
                .map(s -> new StageRow(s, stages.pending(apiId, s.name()).hasChanges())).toList();
    }
}
