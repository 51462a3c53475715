package dev.portico.node.snapshot;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portico.node.authorize.Authorizers;
import dev.portico.node.integration.BackendClients;
import dev.portico.node.routing.ParamSlot;
import dev.portico.node.routing.RequestPath;
import dev.portico.node.routing.RouteMethod;
import dev.portico.node.testing.Blocking;
import dev.portico.node.validate.BodySchema;
import dev.portico.node.validate.ModelSchemas;
import dev.portico.node.validate.RouteValidation;
import dev.portico.snapshot.Api;
import dev.portico.snapshot.AuthorizationType;
import dev.portico.snapshot.Deployment;
import dev.portico.snapshot.DeploymentContent;
import dev.portico.snapshot.GoldenSnapshots;
import dev.portico.snapshot.InvalidSnapshotException;
import dev.portico.snapshot.Model;
import dev.portico.snapshot.RequestValidation;
import dev.portico.snapshot.Route;
import dev.portico.snapshot.RouteKey;
import dev.portico.snapshot.Snapshot;
import dev.portico.snapshot.SnapshotCodec;
import dev.portico.snapshot.Stage;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.portico.node.testing.Snapshots.mock;
import static dev.portico.node.testing.Snapshots.snapshot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Request validation as the snapshot compiler builds it: per route, from the deployment's models. */
class ValidationSnapshotTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Vertx vertx = Vertx.vertx();
    private final SnapshotCompiler compiler = new SnapshotCompiler(new BackendClients(vertx, 4, 1), new Authorizers(vertx));

    @AfterEach
    void close() {
        Blocking.await(vertx.close());
    }

    /** The node does not serve FUNCTION integrations yet, so the golden file's validation is compiled on its own. */
    @Test
    void goldenFunctionsCompilesItsValidation() {
        Snapshot golden = GoldenSnapshots.read("functions");
        ModelSchemas models = new ModelSchemas();
        List<String> problems = new ArrayList<>();
        int validated = 0;
        for (Api api : golden.apis()) {
            for (Stage stage : api.stages()) {
                Map<String, BodySchema> schemas = models.of(stage.deployment(), stage.name(), problems);
                for (Route route : stage.deployment().routes()) {
                    List<ParamSlot> slots = ParamSlot.of(RouteKey.parse(route.routeKey()));
                    RouteValidation validation = RouteValidation.compile(route.requestValidation(), slots, schemas);
                    if (route.requestValidation() != null) {
                        assertThat(validation).as(route.routeKey()).isNotNull();
                        validated++;
                    }
                    if (route.routeKey().equals("POST /pets")) {
                        assertThat(validation.body().errors(Buffer.buffer("{\"name\":\"Rex\"}"))).isEmpty();
                        assertThat(validation.body().errors(Buffer.buffer("{\"name\":\"\"}"))).hasSize(1);
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
        assertThat(validated).isGreaterThanOrEqualTo(2);
    }

    @Test
    void routesCarryTheirCompiledValidation() throws Exception {
        CompiledStage prod = compiler.compile(snapshot(1, api(List.of(pet("{\"type\":\"object\"}"))))).api("vsnap00001").stageNamed("prod");

        CompiledRoute post = prod.routes().match(RouteMethod.POST, RequestPath.parse("/pets"), 0);
        CompiledRoute plain = prod.routes().match(RouteMethod.GET, RequestPath.parse("/plain"), 0);

        assertThat(post.validation()).isNotNull();
        assertThat(post.validation().body().model()).isEqualTo("Pet");
        assertThat(plain.validation()).as("nothing to check: nothing compiled").isNull();
    }

    @Test
    void aModelThatDoesNotCompileRefusesTheSnapshot() throws Exception {
        Snapshot broken = snapshot(1, api(List.of(pet("{\"type\": 12}"))));

        assertThatThrownBy(() -> compiler.compile(broken))
                .isInstanceOf(InvalidSnapshotException.class)
                .hasMessageContaining("api vsnap00001 stage prod: model Pet: schema is not valid draft-4");
    }

    private static Model pet(String schema) throws Exception {
        return new Model("mdl-pet", "Pet", JSON.readTree(schema));
    }

    private static Api api(List<Model> models) {
        List<Route> routes = List.of(
                new Route("rt-post", "POST /pets", "mock", AuthorizationType.NONE, null, List.of(), false,
                        new RequestValidation("Pet", List.of("header.X-Tenant"))),
                new Route("rt-plain", "GET /plain", "mock", AuthorizationType.NONE, null, List.of(), false,
                        new RequestValidation(null, List.of())));
        DeploymentContent content = new DeploymentContent(routes, List.of(mock("mock", 200, "{}")), List.of(), models, Map.of());
        Deployment deployment = new Deployment("dep-prod", 1, SnapshotCodec.contentHash(content), content);
        return new Api("vsnap00001", "vsnap00001", List.of(new Stage("prod", Map.of(), deployment)));
    }
}
