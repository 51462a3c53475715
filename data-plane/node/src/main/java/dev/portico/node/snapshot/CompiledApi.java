package dev.portico.node.snapshot;

import java.util.Map;

/**
 * An API's stages: named stages are picked by the first path segment, the $default stage (if any)
 * routes every path that names no stage.
 */
public record CompiledApi(String id, Map<String, CompiledStage> namedStages, CompiledStage defaultStage) {

    public CompiledApi {
        namedStages = Map.copyOf(namedStages);
    }

    /** The named stage (never $default) called {@code segment}, or null. */
    public CompiledStage stageNamed(String segment) {
        return namedStages.get(segment);
    }
}
