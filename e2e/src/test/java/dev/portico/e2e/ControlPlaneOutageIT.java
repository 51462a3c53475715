package dev.portico.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Acceptance step 6: nodes keep serving without the control plane, also across their own restart
 * (from the snapshot on disk), and come back IN_SYNC when it returns.
 */
class ControlPlaneOutageIT {

    @Test
    void nodeServesThroughAControlPlaneOutageAndResyncs() {
        try (ControlPlane cp = ControlPlane.start("outage-cp");
             Node node = Node.start("outage-node", cp);
             Backend backend = Backend.start("pets")) {
            PetsApi pets = PetsApi.create(cp.admin(), "pets", backend.url());
            pets.deploy(cp.admin(), "prod", "before the outage");
            Waits.until(Duration.ofSeconds(5), "route served", () -> node.get(pets.id(), "/prod/pets/7").statusCode() == 200);

            cp.stop();
            assertThat(node.get(pets.id(), "/prod/pets/7").statusCode()).as("served with the control plane down").isEqualTo(200);

            node.restart();
            assertThat(node.get(pets.id(), "/prod/pets/7").statusCode()).as("served from the snapshot on disk").isEqualTo(200);
            assertThat(node.ready().statusCode()).isEqualTo(200);
            assertThat(Json.parse(node.ready().body()).get("ready").asBoolean()).isTrue();

            cp.restart("outage-cp-restarted");
            AdminClient admin = cp.admin();
            long revision = admin.get("/admin/v1/revisions/current").expect(200).json().get("revision").asLong();
            long reconnectMs = Waits.until(Duration.ofSeconds(30), "node IN_SYNC again", () -> {
                JsonNode items = admin.get("/admin/v1/nodes").expect(200).json().get("items");
                return Json.stream(items).anyMatch(n -> "outage-node".equals(n.get("id").asText())
                        && "IN_SYNC".equals(n.get("status").asText()) && n.get("appliedRevision").asLong() == revision);
            });
            System.out.printf("RECONNECT: node IN_SYNC %d ms after the control plane answered again%n", reconnectMs);

            String mock = admin.post(pets.path() + "/integrations", Map.of("type", "MOCK", "statusCode", 200, "body", "back"))
                    .expect(201).json().get("id").asText();
            admin.post(pets.path() + "/routes", Map.of("routeKey", "GET /after", "integrationId", mock)).expect(201);
            pets.deploy(admin, "prod", "after the outage");
            Waits.until(Duration.ofSeconds(2), "new deployment pushed after reconnect",
                    () -> node.get(pets.id(), "/prod/after").statusCode() == 200);
        }
    }
}
