package dev.portico.e2e;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;

/**
 * The quick-start API of the README, created through the admin API: {@code GET /pets/{id}} proxied
 * to a backend and {@code GET /ping} answered by a MOCK integration.
 */
record PetsApi(String id, String petsIntegrationId, String petsRouteId) {

    static PetsApi create(AdminClient admin, String name, String backendUrl) {
        String apiId = admin.post("/admin/v1/apis", Map.of("name", name, "description", "pet store"))
                .expect(201).json().get("id").asText();
        String petsIntegration = admin.post("/admin/v1/apis/" + apiId + "/integrations", Map.of(
                "type", "HTTP_PROXY", "uri", backendUrl + "/pets/{id}", "method", "GET")).expect(201).json().get("id").asText();
        String pingIntegration = admin.post("/admin/v1/apis/" + apiId + "/integrations", Map.of(
                "type", "MOCK", "statusCode", 200, "headers", Map.of("Content-Type", "application/json"),
                "body", "{\"pong\":true}")).expect(201).json().get("id").asText();
        JsonNode petsRoute = admin.post("/admin/v1/apis/" + apiId + "/routes",
                Map.of("routeKey", "GET /pets/{id}", "integrationId", petsIntegration)).expect(201).json();
        admin.post("/admin/v1/apis/" + apiId + "/routes",
                Map.of("routeKey", "GET /ping", "integrationId", pingIntegration)).expect(201);
        return new PetsApi(apiId, petsIntegration, petsRoute.get("id").asText());
    }

    String path() {
        return "/admin/v1/apis/" + id;
    }

    /** Deploys the draft to a stage and returns the deployment. */
    JsonNode deploy(AdminClient admin, String stage, String description) {
        return admin.post(path() + "/deployments", Map.of("stageName", stage, "description", description))
                .expect(201).json();
    }
}
