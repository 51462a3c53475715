package dev.portico.node.protect;

/** An API key as the key step sees it; which plans it has for an API stage is in that stage's grants. */
public record CompiledKey(String id, boolean enabled) {
}
