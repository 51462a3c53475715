package dev.portico.node.snapshot;

import dev.portico.node.testing.Blocking;
import dev.portico.node.integration.BackendClients;
import dev.portico.node.integration.MockTarget;
import dev.portico.node.integration.ProxyTarget;
import dev.portico.node.routing.RequestPath;
import dev.portico.node.routing.RouteMethod;
import dev.portico.snapshot.GoldenSnapshots;
import dev.portico.snapshot.InvalidSnapshotException;
import dev.portico.snapshot.MockIntegration;
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
import static dev.portico.node.testing.Snapshots.proxy;
import static dev.portico.node.testing.Snapshots.route;
import static dev.portico.node.testing.Snapshots.snapshot;
import static dev.portico.node.testing.Snapshots.stage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SnapshotCompilerTest {

    static final List<String> GOLDEN = GoldenSnapshots.NAMES;

    private final Vertx vertx = Vertx.vertx();
    private final SnapshotCompiler compiler = new SnapshotCompiler(new BackendClients(vertx, 4, 1));

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
    void apiIdsAreMatchedLowerCase() {
        CompiledSnapshot compiled = compiler.compile(snapshot(1, api("MiXeD", stage("prod", List.of(), List.of()))));

        assertThat(compiled.api("mixed")).isNotNull();
    }
}
