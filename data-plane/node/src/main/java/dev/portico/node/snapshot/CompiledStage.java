package dev.portico.node.snapshot;

import dev.portico.node.routing.RouteTable;

/** A stage of an API with its deployment's routes compiled into one matcher. */
public record CompiledStage(String name, String deploymentId, RouteTable<CompiledRoute> routes) {
}
