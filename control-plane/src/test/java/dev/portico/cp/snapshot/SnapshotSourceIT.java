package dev.portico.cp.snapshot;

import dev.portico.cp.revision.Revisions;
import dev.portico.snapshot.Api;
import dev.portico.snapshot.HttpProxyIntegration;
import dev.portico.snapshot.Snapshot;
import dev.portico.snapshot.SnapshotValidator;
import dev.portico.snapshot.Stage;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static dev.portico.cp.api.AdminCalls.createApi;
import static dev.portico.cp.api.AdminCalls.createHttpIntegration;
import static dev.portico.cp.api.AdminCalls.createRoute;
import static dev.portico.cp.api.AdminCalls.delete;
import static dev.portico.cp.api.AdminCalls.patch;
import static dev.portico.cp.api.AdminCalls.post;
import static org.assertj.core.api.Assertions.assertThat;

/** The snapshot nodes get follows deploys, rollbacks and stage changes, and only those. */
@QuarkusTest
@TestSecurity(user = "alice", roles = "editor")
class SnapshotSourceIT {

    @Inject
    SnapshotSource source;

    @Inject
    Revisions revisions;

    @Test
    void followsDeployAndRollbackButNotDraftEdits() {
        String api = createApi("snapshot-pets");
        String integration = createHttpIntegration(api, "http://127.0.0.1:9999/pets/{id}");
        createRoute(api, "GET /pets/{id}", integration);
        long start = revisions.current();
        assertThat(find(source.current(), api)).as("an API without a live stage is not served").isEmpty();
        assertThat(revisions.current()).as("draft edits are not live").isEqualTo(start);

        post(api, "/deployments", Map.of("stageName", "prod")).statusCode(201);
        Snapshot afterDeploy = source.current();
        assertThat(afterDeploy.revision()).isGreaterThan(start);
        assertThat(SnapshotValidator.problems(afterDeploy)).isEmpty();
        assertThat(uriServedOn(afterDeploy, api, "prod")).isEqualTo("http://127.0.0.1:9999/pets/{id}");

        patch(api, "/integrations/" + integration, Map.of("uri", "http://127.0.0.1:9998/pets/{id}")).statusCode(200);
        assertThat(source.current().revision()).isEqualTo(afterDeploy.revision());
        assertThat(uriServedOn(source.current(), api, "prod")).isEqualTo("http://127.0.0.1:9999/pets/{id}");

        post(api, "/deployments", Map.of("stageName", "prod")).statusCode(201);
        Snapshot afterV2 = source.current();
        assertThat(afterV2.revision()).isGreaterThan(afterDeploy.revision());
        assertThat(uriServedOn(afterV2, api, "prod")).isEqualTo("http://127.0.0.1:9998/pets/{id}");

        post(api, "/stages/prod/rollback", Map.of("reason", "bad prices")).statusCode(200);
        Snapshot afterRollback = source.current();
        assertThat(afterRollback.revision()).isGreaterThan(afterV2.revision());
        assertThat(uriServedOn(afterRollback, api, "prod")).isEqualTo("http://127.0.0.1:9999/pets/{id}");
        assertThat(stage(afterRollback, api, "prod").deployment().version()).isEqualTo(1);
    }

    @Test
    void followsStageVariablesAndDeletes() {
        String api = createApi("snapshot-stages");
        post(api, "/deployments", Map.of("stageName", "dev")).statusCode(201);
        long deployed = revisions.current();

        patch(api, "/stages/dev", Map.of("description", "only words")).statusCode(200);
        assertThat(revisions.current()).as("a description is not served").isEqualTo(deployed);

        patch(api, "/stages/dev", Map.of("variables", Map.of("host", "127.0.0.1:9997"))).statusCode(200);
        Snapshot withVariables = source.current();
        assertThat(withVariables.revision()).isGreaterThan(deployed);
        assertThat(stage(withVariables, api, "dev").variables()).isEqualTo(Map.of("host", "127.0.0.1:9997"));

        delete(api, "/stages/dev").statusCode(204);
        Snapshot afterDelete = source.current();
        assertThat(afterDelete.revision()).isGreaterThan(withVariables.revision());
        assertThat(find(afterDelete, api)).isEmpty();
    }

    @Test
    void deletingALiveApiBumpsTheRevision() {
        String api = createApi("snapshot-delete");
        post(api, "/deployments", Map.of("stageName", "prod")).statusCode(201);
        long deployed = revisions.current();
        delete(api, "").statusCode(204);
        Snapshot after = source.current();
        assertThat(after.revision()).isGreaterThan(deployed);
        assertThat(find(after, api)).isEmpty();

        String draftOnly = createApi("snapshot-draft-only");
        long before = revisions.current();
        delete(draftOnly, "").statusCode(204);
        assertThat(revisions.current()).isEqualTo(before);
    }

    private static Optional<Api> find(Snapshot snapshot, String apiId) {
        return snapshot.apis().stream().filter(a -> a.id().equals(apiId)).findFirst();
    }

    private static Stage stage(Snapshot snapshot, String apiId, String name) {
        return find(snapshot, apiId).orElseThrow().stages().stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow();
    }

    private static String uriServedOn(Snapshot snapshot, String apiId, String stage) {
        return ((HttpProxyIntegration) stage(snapshot, apiId, stage).deployment().integrations().get(0)).uri();
    }
}
