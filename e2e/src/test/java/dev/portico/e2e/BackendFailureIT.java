package dev.portico.e2e;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Acceptance step 7: a stopped backend is a 502, a slow one a 504, both as the gateway's own JSON. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BackendFailureIT {

    private ControlPlane cp;
    private Node node;
    private AdminClient admin;

    @BeforeAll
    void start() {
        cp = ControlPlane.start("failure-cp");
        node = Node.start("failure-node", cp);
        admin = cp.admin();
    }

    @AfterAll
    void stop() {
        node.close();
        cp.close();
    }

    @Test
    void stoppedBackendIsBadGateway() {
        Backend backend = Backend.start("doomed");
        PetsApi pets = PetsApi.create(admin, "doomed", backend.url());
        pets.deploy(admin, "prod", "before the outage");
        Waits.until(Duration.ofSeconds(5), "route served", () -> node.get(pets.id(), "/prod/pets/1").statusCode() == 200);

        backend.close();

        HttpResponse<String> answer = node.get(pets.id(), "/prod/pets/1");
        assertThat(answer.statusCode()).isEqualTo(502);
        assertThat(Json.parse(answer.body()).get("message").asText()).isEqualTo("Bad Gateway");
        assertThat(answer.headers().firstValue("X-Request-Id")).isPresent();
    }

    @Test
    void backendSlowerThanTimeoutIsGatewayTimeout() {
        try (Backend slow = Backend.start("slow")) {
            String apiId = admin.post("/admin/v1/apis", Map.of("name", "slow")).expect(201).json().get("id").asText();
            String integration = admin.post("/admin/v1/apis/" + apiId + "/integrations", Map.of("type", "HTTP_PROXY",
                    "uri", slow.url() + "/slow", "timeoutMillis", 300)).expect(201).json().get("id").asText();
            admin.post("/admin/v1/apis/" + apiId + "/routes", Map.of("routeKey", "GET /slow", "integrationId", integration)).expect(201);
            admin.post("/admin/v1/apis/" + apiId + "/deployments", Map.of("stageName", "prod")).expect(201);
            Waits.until(Duration.ofSeconds(5), "route served", () -> node.get(apiId, "/prod/slow").statusCode() == 200);

            long start = System.nanoTime();
            HttpResponse<String> answer = node.get(apiId, "/prod/slow?delayMs=3000");
            long tookMs = (System.nanoTime() - start) / 1_000_000;

            assertThat(answer.statusCode()).isEqualTo(504);
            assertThat(Json.parse(answer.body()).get("message").asText()).isEqualTo("Endpoint request timed out");
            assertThat(tookMs).as("answered at the integration timeout, not the backend's delay").isLessThan(2500);
        }
    }
}
