package dev.portico.node.snapshot;

import dev.portico.node.authorize.Authorizers;
import dev.portico.node.testing.Blocking;
import dev.portico.node.integration.BackendClients;
import dev.portico.node.integration.FunctionTarget;
import dev.portico.node.integration.MockTarget;
import dev.portico.node.integration.ProxyTarget;
import dev.portico.node.protect.CompiledKey;
import dev.portico.node.protect.KeyGrant;
import dev.portico.node.protect.ThrottleReason;
import dev.portico.node.protect.TokenBucket;
import dev.portico.node.routing.RequestPath;
import dev.portico.node.routing.RouteMethod;
import dev.portico.snapshot.FunctionIntegration;
import dev.portico.snapshot.GoldenSnapshots;
import dev.portico.snapshot.InvalidSnapshotException;
import dev.portico.snapshot.MockIntegration;
import dev.portico.snapshot.PlanStage;
import dev.portico.snapshot.Throttle;
import dev.portico.snapshot.Snapshot;
import dev.portico.snapshot.SnapshotValidator;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.util.List;
import java.util.Map;

import static dev.portico.node.testing.Snapshots.api;
import static dev.portico.node.testing.Snapshots.key;
import static dev.portico.node.testing.Snapshots.mock;
import static dev.portico.node.testing.Snapshots.plan;
import static dev.portico.node.testing.Snapshots.throttle;
import static dev.portico.node.testing.Snapshots.proxy;
import static dev.portico.node.testing.Snapshots.route;
import static dev.portico.node.testing.Snapshots.snapshot;
import static dev.portico.node.testing.Snapshots.stage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SnapshotCompilerTest {

    static final List<String> GOLDEN = GoldenSnapshots.NAMES;

    private final Vertx vertx = Vertx.vertx();
    private final SnapshotCompiler compiler = new SnapshotCompiler(new BackendClients(vertx, 4, 1), new Authorizers(vertx));

    @AfterEach
    void close() {
        Blocking.await(vertx.close());
    }

    @ParameterizedTest
    @FieldSource("GOLDEN")
    void everyGoldenSnapshotLoadsValidatesAndCompiles(String name) {
        Snapshot snapshot = GoldenSnapshots.read(name);

        assertThat(SnapshotValidator.problems(snapshot)).isEmpty();
        CompiledSnapshot compiled = compiler.compile(snapshot);
        assertThat(compiled.revision()).isEqualTo(snapshot.revision());
        assertThat(compiled.apiCount()).isEqualTo(snapshot.apis().size());
    }

    @Test
    void goldenShopCompilesStagesRoutesAndIntegrations() throws Exception {
        CompiledSnapshot compiled = compiler.compile(GoldenSnapshots.read("shop"));

        CompiledApi shop = compiled.api("shop000001");
        assertThat(shop.defaultStage().deploymentId()).isEqualTo("dep-shop-2");
        assertThat(shop.stageNamed("dev").deploymentId()).isEqualTo("dep-shop-1");
        assertThat(shop.stageNamed("$default")).isNull();
        CompiledRoute files = shop.defaultStage().routes().match(RouteMethod.PUT, RequestPath.parse("/files/a/b"), 0);
        assertThat(files.routeKey()).isEqualTo("ANY /files/{proxy+}");
        assertThat(files.integration()).isInstanceOf(ProxyTarget.class);
        CompiledRoute fallback = shop.defaultStage().routes().match(RouteMethod.GET, RequestPath.parse("/nope"), 0);
        assertThat(fallback.routeKey()).isEqualTo("$default");
        assertThat(fallback.integration()).isInstanceOf(MockTarget.class);
        assertThat(compiled.api("k3x9q2m7ab").stageNamed("prod").routes()
                .match(RouteMethod.GET, RequestPath.parse("/ping"), 0).id()).isEqualTo("rt-ping");
    }

    @Test
    void goldenPetsCompilesKeysByHashGrantsPerStageAndRouteThrottles() throws Exception {
        CompiledSnapshot compiled = compiler.compile(GoldenSnapshots.read("pets"));

        assertThat(compiled.keys().size()).isEqualTo(3);
        CompiledKey a = compiled.keys().byValue("test");
        assertThat(a).isEqualTo(new CompiledKey("keyaaaaaaa", true));
        assertThat(compiled.keys().byValue("test3")).isEqualTo(new CompiledKey("keyccccccc", false));
        assertThat(compiled.keys().byValue("nobody")).isNull();
        CompiledStage prod = compiled.api("k3x9q2m7ab").stageNamed("prod");
        KeyGrant free = prod.grant(a);
        assertThat(free.plan().id()).isEqualTo("planfree01");
        assertThat(free.plan().throttle()).isEqualTo(new Throttle(5, 5));
        assertThat(free.plan().quota().limit()).isEqualTo(100);
        KeyGrant pro = prod.grant(compiled.keys().byValue("test2"));
        assertThat(pro.routeThrottles()).containsEntry("GET /pets/{id}", new Throttle(500, 500));
        assertThat(prod.grant(compiled.keys().byValue("test3"))).as("disabled keys get no grant").isNull();

        CompiledRoute pets = prod.routes().match(RouteMethod.GET, RequestPath.parse("/pets/1"), 0);
        CompiledRoute ping = prod.routes().match(RouteMethod.GET, RequestPath.parse("/ping"), 0);
        assertThat(pets.apiKeyRequired()).isTrue();
        assertThat(ping.apiKeyRequired()).isFalse();
        assertThat(pets.throttle().reason()).isEqualTo(ThrottleReason.STAGE);
        assertThat(pets.throttle().bucket().throttle()).isEqualTo(new Throttle(1000, 2000));
        assertThat(ping.throttle().reason()).isEqualTo(ThrottleReason.ROUTE);
        assertThat(ping.throttle().bucket().throttle()).isEqualTo(new Throttle(50, 100));
    }

    @Test
    void aKeyIsGrantedOnlyTheStagesItsPlansCover() {
        Snapshot two = snapshot(1, List.of(api("a1", stage("prod", List.of(), List.of()), stage("dev", List.of(), List.of()))),
                List.of(key("k1", "v1", true, "p-prod")),
                List.of(plan("p-prod", null, null, new PlanStage("a1", "prod", Map.of()))));

        CompiledSnapshot compiled = compiler.compile(two);

        CompiledKey key = compiled.keys().byValue("v1");
        assertThat(compiled.api("a1").stageNamed("prod").grant(key).plan().id()).isEqualTo("p-prod");
        assertThat(compiled.api("a1").stageNamed("dev").grant(key)).isNull();
    }

    @Test
    void routeBucketsSurviveASwapUnlessTheirThrottleChanged() {
        Snapshot first = throttled(1, throttle(5, 5));
        CompiledSnapshot before = compiler.compile(first);
        TokenBucket bucket = only(before).throttle().bucket();

        TokenBucket same = only(compiler.compile(throttled(2, throttle(5, 5)), before)).throttle().bucket();
        TokenBucket changed = only(compiler.compile(throttled(3, throttle(9, 9)), before)).throttle().bucket();
        CompiledRoute unthrottled = only(compiler.compile(throttled(4, null), before));

        assertThat(same).isSameAs(bucket);
        assertThat(changed).isNotSameAs(bucket);
        assertThat(changed.throttle()).isEqualTo(throttle(9, 9));
        assertThat(unthrottled.throttle()).isNull();
        assertThat(only(compiler.compile(first)).throttle().bucket()).as("no previous snapshot: a new bucket")
                .isNotSameAs(bucket);
    }

    private static Snapshot throttled(long revision, Throttle stageThrottle) {
        return snapshot(revision, api("a1", stage("prod", stageThrottle, Map.of(),
                List.of(route("GET /x", "m")), List.of(mock("m", 200, "{}")))));
    }

    private static CompiledRoute only(CompiledSnapshot compiled) {
        try {
            return compiled.api("a1").stageNamed("prod").routes().match(RouteMethod.GET, RequestPath.parse("/x"), 0);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void collectsEveryProblemTheValidatorCannotSee() {
        Snapshot bad = snapshot(5, api("a1",
                stage("prod", List.of(route("GET /x", "i1"), route("GET /y", "i2")),
                        List.of(proxy("i1", "ftp://host/x"), new MockIntegration("i2", 999, Map.of(), "")))));

        assertThatThrownBy(() -> compiler.compile(bad))
                .isInstanceOfSatisfying(InvalidSnapshotException.class, e -> assertThat(e.problems())
                        .hasSize(2)
                        .anySatisfy(p -> assertThat(p).contains("route GET /x").contains("http://"))
                        .anySatisfy(p -> assertThat(p).contains("route GET /y").contains("999")));
    }

    @Test
    void goldenFunctionsCompileToFunctionTargets() throws Exception {
        CompiledStage prod = compiler.compile(GoldenSnapshots.read("functions")).api("fnapi00001").stageNamed("prod");
        assertThat(prod.routes().match(RouteMethod.GET, RequestPath.parse("/pets/1"), 0).integration())
                .isInstanceOf(FunctionTarget.class);
        assertThat(prod.routes().match(RouteMethod.POST, RequestPath.parse("/pets"), 0).integration())
                .isInstanceOf(FunctionTarget.class);
    }

    @Test
    void aFunctionUriThatIsNotHttpIsAProblem() {
        Snapshot bad = snapshot(5, api("a1", stage("prod", List.of(route("GET /f", "f1")),
                List.of(new FunctionIntegration("f1", "ftp://host/2015-03-31/functions/f/invocations", "2.0", 0)))));

        assertThatThrownBy(() -> compiler.compile(bad))
                .isInstanceOfSatisfying(InvalidSnapshotException.class, e -> assertThat(e.problems())
                        .singleElement().satisfies(p -> assertThat(p).contains("route GET /f").contains("http://")));
    }

    @Test
    void apiIdsAreMatchedLowerCase() {
        CompiledSnapshot compiled = compiler.compile(snapshot(1, api("MiXeD", stage("prod", List.of(), List.of()))));

        assertThat(compiled.api("mixed")).isNotNull();
    }
}
