package dev.portico.cp.console;

import dev.portico.cp.api.ApiView;

import java.util.List;

/** The top of every page of one API: its name, its stages with their badges, the current tab. */
public record ApiHeader(ApiView api, String tab, List<StageRow> stages) {

    public String base() {
        return "/console/apis/" + api.id();
    }

    public boolean at(String name) {
        return name.equals(tab);
    }

    /** No stage yet: nothing of this API is live. */
    public boolean undeployed() {
        return stages.isEmpty();
    }
}
