package dev.portico.snapshot;

import java.util.List;

/**
 * An API as nodes see it: only its deployed stages, never its draft.
 *
 * @param cors null when the API answers no CORS (the backend's CORS headers then pass through)
 */
public record Api(String id, String name, Cors cors, List<Stage> stages) {

    public Api {
        stages = Canonical.sorted(stages, Stage::name);
    }

    public Api(String id, String name, List<Stage> stages) {
        this(id, name, null, stages);
    }
}
