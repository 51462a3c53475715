package dev.portico.cp.snapshot;

import dev.portico.cp.apikey.ApiKeyValue;
import dev.portico.cp.revision.Revisions;
import dev.portico.snapshot.ApiKey;
import dev.portico.snapshot.PlanStage;
import dev.portico.snapshot.Quota;
import dev.portico.snapshot.QuotaPeriod;
import dev.portico.snapshot.Snapshot;
import dev.portico.snapshot.SnapshotValidator;
import dev.portico.snapshot.Throttle;
import dev.portico.snapshot.UsagePlan;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static dev.portico.cp.api.AdminCalls.createApi;
import static dev.portico.cp.api.AdminCalls.post;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Keys, plans and subscriptions reach the snapshot as new revisions, without any deployment. */
@QuarkusTest
@TestSecurity(user = "alice", roles = "editor")
class KeysAndPlansSnapshotIT {

    private static final String KEYS = "/admin/v1/api-keys";
    private static final String PLANS = "/admin/v1/usage-plans";

    @Inject
    SnapshotSource snapshots;

    @Inject
    Revisions revisions;

    @Test
    void everyKeyChangeIsANewRevision() {
        long start = revisions.current();
        ExtractableResponse<Response> created = given().contentType(ContentType.JSON).body(Map.of("name", "k"))
                .post(KEYS).then().statusCode(201).extract();
        String id = created.path("id");
        Snapshot afterCreate = bumpedSince(start);
        assertThat(key(afterCreate, id)).contains(new ApiKey(id, ApiKeyValue.hash(created.path("value")), true, List.of()));

        patchKey(id, Map.of("enabled", false));
        Snapshot afterDisable = bumpedSince(afterCreate.revision());
        assertThat(key(afterDisable, id).orElseThrow().enabled()).isFalse();

        patchKey(id, Map.of("name", "renamed"));
        Snapshot afterRename = bumpedSince(afterDisable.revision());

        given().delete(KEYS + "/" + id).then().statusCode(204);
        assertThat(key(bumpedSince(afterRename.revision()), id)).isEmpty();

        String value = "imported-" + UUID.randomUUID();
        long beforeImport = revisions.current();
        String imported = given().contentType("text/csv").body("name,key\nbulk," + value + "\n").post(KEYS + "/import")
                .then().statusCode(201).extract().path("items[0].id");
        assertThat(key(bumpedSince(beforeImport), imported).orElseThrow().keyHash()).isEqualTo(ApiKeyValue.hash(value));
    }

    @Test
    void everyPlanAndSubscriptionChangeIsANewRevision() {
        String api = createApi("snapshot-plans");
        post(api, "/deployments", Map.of("stageName", "prod")).statusCode(201);
        post(api, "/stages", Map.of("name", "dark")).statusCode(201);
        String key = given().contentType(ContentType.JSON).body(Map.of("name", "subscriber")).post(KEYS).then()
                .statusCode(201).extract().path("id");

        long start = revisions.current();
        String plan = given().contentType(ContentType.JSON).body(Map.of("name", "free",
                        "throttle", Map.of("rateLimit", 5, "burstLimit", 5), "quota", Map.of("limit", 100, "period", "DAY"),
                        "apiStages", List.of(Map.of("apiId", api, "stage", "prod",
                                "throttle", Map.of("GET /pets/{id}", Map.of("rateLimit", 2, "burstLimit", 4))),
                                Map.of("apiId", api, "stage", "dark"))))
                .post(PLANS).then().statusCode(201).extract().path("id");
        Snapshot afterCreate = bumpedSince(start);
        assertThat(plan(afterCreate, plan)).contains(new UsagePlan(plan, new Throttle(5, 5),
                new Quota(100, QuotaPeriod.DAY, 0),
                List.of(new PlanStage(api, "prod", Map.of("GET /pets/{id}", new Throttle(2, 4))))));

        given().contentType(ContentType.JSON).body(Map.of("keyId", key)).post(PLANS + "/" + plan + "/keys").then()
                .statusCode(201);
        Snapshot afterSubscribe = bumpedSince(afterCreate.revision());
        assertThat(key(afterSubscribe, key).orElseThrow().usagePlanIds()).containsExactly(plan);

        given().contentType(ContentType.JSON).body(Map.of("quota", Map.of("limit", 1000, "period", "MONTH", "offset", 2)))
                .patch(PLANS + "/" + plan).then().statusCode(200);
        Snapshot afterPatch = bumpedSince(afterSubscribe.revision());
        assertThat(plan(afterPatch, plan).orElseThrow().quota()).isEqualTo(new Quota(1000, QuotaPeriod.MONTH, 2));

        given().delete(PLANS + "/" + plan + "/keys/" + key).then().statusCode(204);
        Snapshot afterUnsubscribe = bumpedSince(afterPatch.revision());
        assertThat(key(afterUnsubscribe, key).orElseThrow().usagePlanIds()).isEmpty();

        given().contentType(ContentType.JSON).body(Map.of("keyId", key)).post(PLANS + "/" + plan + "/keys").then()
                .statusCode(201);
        long subscribedAgain = revisions.current();
        given().delete(PLANS + "/" + plan).then().statusCode(204);
        Snapshot afterDelete = bumpedSince(subscribedAgain);
        assertThat(plan(afterDelete, plan)).isEmpty();
        assertThat(key(afterDelete, key).orElseThrow().usagePlanIds()).isEmpty();
    }

    /** The snapshot now, after asserting it is of a later revision than {@code revision}. */
    private Snapshot bumpedSince(long revision) {
        Snapshot snapshot = snapshots.current();
        assertThat(snapshot.revision()).isGreaterThan(revision);
        assertThat(SnapshotValidator.problems(snapshot)).isEmpty();
        return snapshot;
    }

    private static void patchKey(String id, Map<String, Object> body) {
        given().contentType(ContentType.JSON).body(body).patch(KEYS + "/" + id).then().statusCode(200);
    }

    private static Optional<ApiKey> key(Snapshot snapshot, String id) {
        return snapshot.apiKeys().stream().filter(k -> k.id().equals(id)).findFirst();
    }

    private static Optional<UsagePlan> plan(Snapshot snapshot, String id) {
        return snapshot.usagePlans().stream().filter(p -> p.id().equals(id)).findFirst();
    }
}
