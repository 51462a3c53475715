package dev.portico.cp.deployment;

import dev.portico.snapshot.DeploymentContent;
import dev.portico.snapshot.GatewayResponse;

import java.util.List;
import java.util.Map;

/** A gateway response with its type as its id, so {@link ContentDiff} can match it like the draft's other objects. */
record GatewayResponseRow(String id, Integer statusCode, Map<String, String> headers, String body) {

    static List<GatewayResponseRow> of(DeploymentContent content) {
        return content.gatewayResponses().entrySet().stream()
                .map(e -> of(e.getKey().name(), e.getValue()))
                .sorted((a, b) -> a.id().compareTo(b.id()))
                .toList();
    }

    private static GatewayResponseRow of(String type, GatewayResponse response) {
        return new GatewayResponseRow(type, response.statusCode(), response.headers(), response.body());
    }
}
