package dev.portico.cp.deployment;

import dev.portico.cp.revision.Revisions;
import dev.portico.cp.snapshot.SnapshotSource;
import dev.portico.snapshot.Snapshot;
import dev.portico.snapshot.Stage;
import dev.portico.snapshot.Throttle;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static dev.portico.cp.api.AdminCalls.badFields;
import static dev.portico.cp.api.AdminCalls.count;
import static dev.portico.cp.api.AdminCalls.createApi;
import static dev.portico.cp.api.AdminCalls.get;
import static dev.portico.cp.api.AdminCalls.patch;
import static dev.portico.cp.api.AdminCalls.post;
import static dev.portico.cp.api.AdminCalls.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.anEmptyMap;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** A stage's throttle and per-route settings: checked, shown, and served without a deployment. */
@QuarkusTest
@TestSecurity(user = "alice", roles = "editor")
class StageThrottleIT {

    private static final Map<String, Object> PING_SETTINGS =
            Map.of("GET /ping", Map.of("throttle", Map.of("rateLimit", 50, "burstLimit", 100)));

    @Inject
    SnapshotSource snapshots;

    @Inject
    Revisions revisions;

    @Test
    void aStageShowsItsThrottleAndRouteSettings() {
        String api = createApi("throttled-stages");
        post(api, "/stages", Map.of("name", "prod", "throttle", Map.of("rateLimit", 1000, "burstLimit", 2000),
                "routeSettings", PING_SETTINGS)).statusCode(201)
                .body("throttle.rateLimit", equalTo(1000.0f)).body("throttle.burstLimit", equalTo(2000))
                .body("routeSettings.'GET /ping'.throttle.rateLimit", equalTo(50.0f))
                .body("routeSettings.'GET /ping'.throttle.burstLimit", equalTo(100));
        get(api, "/stages/prod").statusCode(200).body("routeSettings.'GET /ping'.throttle.burstLimit", equalTo(100));
        post(api, "/stages", Map.of("name", "dev")).statusCode(201)
                .body("throttle", nullValue()).body("routeSettings", anEmptyMap());

        patch(api, "/stages/prod", Map.of("throttle", Map.of(), "routeSettings", Map.of("GET /pets", Map.of())))
                .statusCode(200).body("throttle", nullValue()).body("routeSettings", anEmptyMap())
                .body("revision", equalTo(2));
    }

    @Test
    void badSettingsAreNamedAndNothingIsSaved() {
        String api = createApi("bad-throttles");
        Map<String, Object> bad = Map.of(
                "throttle", Map.of("rateLimit", -1, "burstLimit", 0),
                "routeSettings", Map.of(
                        "FETCH /x", Map.of("throttle", Map.of("rateLimit", 1, "burstLimit", 1)),
                        "GET /x", Map.of("throttle", Map.of("rateLimit", 0, "burstLimit", 0)),
                        "GET /p/{a}", Map.of("throttle", Map.of("rateLimit", 1, "burstLimit", 1)),
                        "GET /p/{b}", Map.of("throttle", Map.of("rateLimit", 1))));
        assertThat(badFields(post(api, "/stages", withName("prod", bad)))).containsExactlyInAnyOrder(
                "throttle.rateLimit", "throttle.burstLimit", "routeSettings[\"FETCH /x\"]",
                "routeSettings[\"GET /x\"].throttle.rateLimit", "routeSettings[\"GET /x\"].throttle.burstLimit",
                "routeSettings[\"GET /p/{b}\"]", "routeSettings[\"GET /p/{b}\"].throttle.burstLimit");
        assertThat(count(api, "stages")).isZero();

        post(api, "/stages", Map.of("name", "prod")).statusCode(201);
        assertThat(badFields(patch(api, "/stages/prod", bad))).hasSize(7);
        assertThat(badFields(patch(api, "/stages/prod", Map.of("throttle", Map.of("burstLimit", 5)))))
                .containsExactly("throttle.rateLimit");
        get(api, "/stages/prod").body("revision", equalTo(1)).body("throttle", nullValue());
        problem(patch(api, "/stages/prod", Map.of("routeSettings", Map.of("GET /x", Map.of("cache", true)))),
                400, "UNKNOWN_FIELD");
        problem(patch(api, "/stages/prod", Map.of("throttle", Map.of("rateLimit", "fast", "burstLimit", 1))),
                400, "INVALID_FIELD_TYPE").body("errors[0].field", equalTo("throttle.rateLimit"));
    }

    @Test
    void changesOfALiveStageReachTheSnapshotWithoutADeployment() {
        String api = createApi("live-throttles");
        post(api, "/deployments", Map.of("stageName", "prod")).statusCode(201);
        long deployed = revisions.current();

        patch(api, "/stages/prod", Map.of("throttle", Map.of("rateLimit", 10, "burstLimit", 20),
                "routeSettings", PING_SETTINGS)).statusCode(200);
        Snapshot throttled = snapshots.current();
        assertThat(throttled.revision()).isGreaterThan(deployed);
        assertThat(stage(throttled, api).throttle()).isEqualTo(new Throttle(10, 20));
        assertThat(stage(throttled, api).routeThrottles()).isEqualTo(Map.of("GET /ping", new Throttle(50, 100)));
        assertThat(count(api, "deployments")).isEqualTo(1);

        patch(api, "/stages/prod", Map.of("throttle", Map.of("rateLimit", 10, "burstLimit", 20))).statusCode(200);
        assertThat(revisions.current()).as("the same settings again change nothing live").isEqualTo(throttled.revision());

        patch(api, "/stages/prod", Map.of("throttle", Map.of(), "routeSettings", Map.of())).statusCode(200);
        Snapshot cleared = snapshots.current();
        assertThat(cleared.revision()).isGreaterThan(throttled.revision());
        assertThat(stage(cleared, api).throttle()).isNull();
        assertThat(stage(cleared, api).routeThrottles()).isEmpty();

        post(api, "/stages", Map.of("name", "dark")).statusCode(201);
        long before = revisions.current();
        patch(api, "/stages/dark", Map.of("throttle", Map.of("rateLimit", 1, "burstLimit", 1))).statusCode(200);
        assertThat(revisions.current()).as("a stage that serves nothing is not live").isEqualTo(before);
    }

    private static Map<String, Object> withName(String name, Map<String, Object> body) {
        Map<String, Object> named = new HashMap<>(body);
        named.put("name", name);
        return named;
    }

    private static Stage stage(Snapshot snapshot, String apiId) {
        return snapshot.apis().stream().filter(a -> a.id().equals(apiId)).findFirst().orElseThrow()
                .stages().stream().filter(s -> s.name().equals("prod")).findFirst().orElseThrow();
    }
}
