package dev.portico.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Acceptance steps 2–5 of issue 2 against the packaged control plane, two real node processes and
 * real backends: define, deploy, change, redeploy, diff, roll back — and how fast each change
 * reaches every node (admin call returned → every node applied it, and serving it).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeployAndRollbackIT {

    private static final Duration PROPAGATION_LIMIT = Duration.ofSeconds(1);

    private ControlPlane cp;
    private List<Node> nodes;
    private Backend v1;
    private Backend v2;
    private AdminClient admin;

    @BeforeAll
    void start() {
        cp = ControlPlane.start("deploy-cp");
        nodes = List.of(Node.start("deploy-node-1", cp), Node.start("deploy-node-2", cp));
        v1 = Backend.start("v1");
        v2 = Backend.start("v2");
        admin = cp.admin();
    }

    @AfterAll
    void stop() {
        nodes.forEach(Node::close);
        cp.close();
        v1.close();
        v2.close();
    }

    @Test
    void deployChangeRedeployAndRollBack() {
        PetsApi pets = PetsApi.create(admin, "pets", v1.url());

        HttpResponse<String> beforeDeploy = nodes.get(0).get(pets.id(), "/prod/pets/42");
        assertThat(beforeDeploy.statusCode()).isEqualTo(404);
        assertThat(Json.parse(beforeDeploy.body()).get("message").asText()).isEqualTo("Not Found");
        assertThat(beforeDeploy.headers().firstValue("X-Request-Id")).isPresent();

        List<Propagation> propagation = new ArrayList<>();
        JsonNode first = pets.deploy(admin, "prod", "first release");
        propagation.add(propagate(pets, "v1"));
        assertThat(first.get("version").asInt()).isEqualTo(1);

        HttpResponse<String> ping = nodes.get(1).get(pets.id(), "/prod/ping");
        assertThat(ping.statusCode()).isEqualTo(200);
        assertThat(Json.parse(ping.body()).get("pong").asBoolean()).isTrue();
        Backend.Seen seen = v1.seen().get(v1.seen().size() - 1);
        assertThat(seen.uri()).isEqualTo("/pets/42");
        assertThat(seen.headers()).containsEntry("X-Forwarded-For", "127.0.0.1");

        admin.patch(pets.path() + "/integrations/" + pets.petsIntegrationId(),
                Map.of("uri", v2.url() + "/pets/{id}"), null).expect(200);
        assertThat(backendOf(nodes.get(0).get(pets.id(), "/prod/pets/42"))).as("draft edits are not live").isEqualTo("v1");
        JsonNode pending = admin.get(pets.path() + "/stages/prod/pending").expect(200).json();
        assertThat(pending.get("hasChanges").asBoolean()).isTrue();
        assertOnlyUriChanged(pending.get("changes"));

        JsonNode second = pets.deploy(admin, "prod", "move to the v2 backend");
        propagation.add(propagate(pets, "v2"));
        assertThat(second.get("version").asInt()).isEqualTo(2);
        JsonNode diff = admin.get(pets.path() + "/deployments/" + second.get("id").asText() + "/diff?base="
                + first.get("id").asText()).expect(200).json();
        assertOnlyUriChanged(diff.get("changes"));

        admin.post(pets.path() + "/stages/prod/rollback", Map.of("reason", "v2 answers wrong prices")).expect(200);
        propagation.add(propagate(pets, "v1"));

        JsonNode history = admin.get(pets.path() + "/stages/prod/history").expect(200).json().get("items");
        assertThat(Json.stream(history).map(h -> h.get("toDeployment").get("version").asInt())).containsExactly(1, 2, 1);
        assertThat(Json.stream(history).map(h -> h.get("by").asText())).containsOnly("admin");
        assertThat(Json.stream(history).map(h -> h.get("reason").asText()))
                .containsExactly("first release", "move to the v2 backend", "v2 answers wrong prices");
        assertThat(Json.stream(history).map(h -> h.get("action").asText())).containsExactly("DEPLOY", "DEPLOY", "ROLLBACK");

        System.out.printf("PROPAGATION (admin call returned -> both nodes applied it / both serving it): "
                        + "deploy v1 %s, deploy v2 %s, rollback %s%n", propagation.get(0), propagation.get(1), propagation.get(2));
        assertThat(propagation).allMatch(p -> p.appliedMillis() < PROPAGATION_LIMIT.toMillis());
        everyNodeInSyncWithTheCurrentRevision();
    }

    /**
     * How long a change took, from the admin call's return: until every node applied the revision
     * that carries it (the 1 s target), and until every node answered from the new backend (which
     * adds the first connection to a backend the node has not called before).
     */
    record Propagation(long appliedMillis, long servingMillis) {
        @Override
        public String toString() {
            return appliedMillis + " / " + servingMillis + " ms";
        }
    }

    private Propagation propagate(PetsApi pets, String backend) {
        long start = System.nanoTime();
        long revision = admin.get("/admin/v1/revisions/current").expect(200).json().get("revision").asLong();
        Waits.until(PROPAGATION_LIMIT.multipliedBy(5), "every node at revision " + revision,
                () -> nodes.stream().allMatch(n -> Json.parse(n.ready().body()).path("revision").asLong() >= revision));
        long applied = (System.nanoTime() - start) / 1_000_000;
        untilEveryNodeServes(pets, backend);
        return new Propagation(applied, (System.nanoTime() - start) / 1_000_000);
    }

    private long untilEveryNodeServes(PetsApi pets, String backend) {
        return Waits.until(PROPAGATION_LIMIT.multipliedBy(5), "every node serving backend " + backend,
                () -> nodes.stream().allMatch(n -> backend.equals(backendOf(n.get(pets.id(), "/prod/pets/42")))));
    }

    private void everyNodeInSyncWithTheCurrentRevision() {
        long revision = admin.get("/admin/v1/revisions/current").expect(200).json().get("revision").asLong();
        Waits.until(Duration.ofSeconds(10), "both nodes IN_SYNC at revision " + revision, () -> {
            JsonNode items = admin.get("/admin/v1/nodes").expect(200).json().get("items");
            return Json.stream(items).filter(n -> n.get("id").asText().startsWith("deploy-node-"))
                    .filter(n -> "IN_SYNC".equals(n.get("status").asText()) && n.get("appliedRevision").asLong() == revision)
                    .count() == 2;
        });
    }

    private static void assertOnlyUriChanged(JsonNode changes) {
        assertThat(changes).hasSize(1);
        JsonNode change = changes.get(0);
        assertThat(change.get("kind").asText()).isEqualTo("integration");
        assertThat(change.get("change").asText()).isEqualTo("CHANGED");
        assertThat(change.get("fields")).hasSize(1);
        assertThat(change.get("fields").get(0).get("field").asText()).isEqualTo("uri");
    }

    private static String backendOf(HttpResponse<String> response) {
        return response.statusCode() == 200 ? Json.parse(response.body()).path("backend").asText() : "status " + response.statusCode();
    }
}
