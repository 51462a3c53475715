package dev.portico.snapshot;

import java.util.List;

/** An API as nodes see it: only its deployed stages, never its draft. */
public record Api(String id, String name, List<Stage> stages) {

    public Api {
        stages = Canonical.sorted(stages, Stage::name);
    }
}
