package dev.portico.node.snapshot;

import dev.portico.node.cors.CompiledCors;

import java.util.Map;

/**
 * An API's stages: named stages are picked by the first path segment, the $default stage (if any)
 * routes every path that names no stage.
 *
 * @param cors null when the API answers no CORS
 */
public record CompiledApi(String id, CompiledCors cors, Map<String, CompiledStage> namedStages,
                          CompiledStage defaultStage) {

    public CompiledApi {
        namedStages = Map.copyOf(namedStages);
    }

    /** The named stage (never $default) called {@code segment}, or null. */
    public CompiledStage stageNamed(String segment) {
        return namedStages.get(segment);
    }
}
