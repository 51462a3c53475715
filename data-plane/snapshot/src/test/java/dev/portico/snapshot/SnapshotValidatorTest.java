package dev.portico.snapshot;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SnapshotValidatorTest {

    private static Snapshot withDeployment(List<Route> routes, List<Integration> integrations, String hash) {
        Deployment deployment = new Deployment("d1", 1, hash, routes, integrations);
        return Snapshot.of(1, List.of(new Api("a1", "a", List.of(new Stage("prod", Map.of(), deployment)))));
    }

    private static Snapshot withDeployment(List<Route> routes, List<Integration> integrations) {
        return withDeployment(routes, integrations, SnapshotCodec.contentHash(routes, integrations));
    }

    private static Route route(String key, String integrationId) {
        return new Route("r-" + key, key, integrationId, AuthorizationType.NONE, false);
    }

    private static final Integration MOCK = new MockIntegration("m", 200, Map.of(), "");

    @Test
    void refusesAnUnknownMajorAndSaysSo() {
        Snapshot future = new Snapshot("2.0", 1, List.of(), null, null);
        assertThat(SnapshotValidator.problems(future)).singleElement().asString()
                .contains("unsupported snapshot schema version \"2.0\"");
        assertThat(SnapshotValidator.problems(new Snapshot("1.7", 1, List.of(), null, null))).isEmpty();
        assertThat(SnapshotValidator.problems(new Snapshot("x", 1, List.of(), null, null))).hasSize(1);
    }

    @Test
    void refusesATamperedDeployment() {
        List<Route> routes = List.of(route("GET /a", "m"));
        assertThat(SnapshotValidator.problems(withDeployment(routes, List.of(MOCK), "sha256:00")))
                .singleElement().asString().contains("content hash");
    }

    @Test
    void namesEveryBrokenRoute() {
        List<Route> routes = List.of(route("GET /a", "missing"), route("GET a", "m"),
                route("GET /p/{x}", "m"), route("GET /p/{y}", "m"));
        List<String> problems = SnapshotValidator.problems(withDeployment(routes, List.of(MOCK)));
        assertThat(problems).hasSize(3);
        assertThat(String.join("\n", problems))
                .contains("unknown integration missing")
                .contains("route GET a")
                .contains("conflicts");
    }

    @Test
    void requireValidThrowsWithEveryProblem() {
        Snapshot bad = Snapshot.of(-1, List.of(new Api("a", "a", List.of(new Stage("s", Map.of(), null)))));
        assertThatThrownBy(() -> SnapshotValidator.requireValid(bad))
                .isInstanceOf(InvalidSnapshotException.class)
                .satisfies(e -> assertThat(((InvalidSnapshotException) e).problems()).hasSize(2));
    }

    @Test
    void namesBadThrottlesQuotasAndKeys() {
        Deployment deployment = new Deployment("d1", 1, SnapshotCodec.contentHash(List.of(), List.of()), List.of(), List.of());
        Stage stage = new Stage("prod", Map.of(), new Throttle(0, 1), Map.of("GET x", new Throttle(1, 1)), deployment);
        UsagePlan plan = new UsagePlan("p1", new Throttle(5, 0), new Quota(0, QuotaPeriod.DAY, 0),
                List.of(new PlanStage("a1", "prod", Map.of("GET /a", new Throttle(-1, 1)))));
        ApiKey badHash = new ApiKey("k1", "ABC", true, List.of("p1"));
        ApiKey unknownPlan = new ApiKey("k2", "a".repeat(64), true, List.of("nope"));
        Snapshot snapshot = Snapshot.of(1, List.of(new Api("a1", "a", List.of(stage))), List.of(badHash, unknownPlan),
                List.of(plan));

        List<String> problems = SnapshotValidator.problems(snapshot);

        assertThat(problems).hasSize(7);
        assertThat(String.join("\n", problems))
                .contains("api a1 stage prod: throttle")
                .contains("route GET x")
                .contains("usage plan p1: throttle")
                .contains("usage plan p1: quota")
                .contains("usage plan p1 a1/prod GET /a: throttle")
                .contains("API key k1: key hash")
                .contains("API key k2: subscribed to unknown usage plan nope");
    }
}
