package dev.portico.cp.snapshot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portico.snapshot.DeploymentContent;
import dev.portico.snapshot.AuthorizationType;
import dev.portico.snapshot.Cors;
import dev.portico.snapshot.CustomAuthorizer;
import dev.portico.snapshot.GatewayResponse;
import dev.portico.snapshot.GatewayResponseType;
import dev.portico.snapshot.FunctionIntegration;
import dev.portico.snapshot.GoldenSnapshots;
import dev.portico.snapshot.HttpProxyIntegration;
import dev.portico.snapshot.JwtAuthorizer;
import dev.portico.snapshot.MockIntegration;
import dev.portico.snapshot.Model;
import dev.portico.snapshot.PlanStage;
import dev.portico.snapshot.Quota;
import dev.portico.snapshot.QuotaPeriod;
import dev.portico.snapshot.RequestValidation;
import dev.portico.snapshot.Route;
import dev.portico.snapshot.Snapshot;
import dev.portico.snapshot.SnapshotCodec;
import dev.portico.snapshot.SnapshotValidator;
import dev.portico.snapshot.Throttle;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The compiler must produce every golden file of the contract from the state golden/README.md describes. */
class SnapshotCompilerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final Route PETS_ROUTE = new Route("rt-pets", "GET /pets/{id}", "int-pets", AuthorizationType.NONE, true);
    private static final Route PING_ROUTE = route("rt-ping", "GET /ping", "int-ping");
    private static final Route FILES_ROUTE = route("rt-files", "ANY /files/{proxy+}", "int-files");
    private static final Route DEFAULT_ROUTE = route("rt-default", "$default", "int-fallback");

    private static final HttpProxyIntegration PETS = new HttpProxyIntegration("int-pets",
            "http://127.0.0.1:9999/pets/{id}", "GET", 29_000, HttpProxyIntegration.Tls.VERIFY);
    private static final MockIntegration PING = new MockIntegration("int-ping", 200,
            Map.of("Content-Type", "application/json"), "{\"pong\":true}");
    private static final HttpProxyIntegration FILES = new HttpProxyIntegration("int-files",
            "http://${stageVariables.host}/files/{proxy}", "ANY", 5_000, HttpProxyIntegration.Tls.VERIFY);
    private static final MockIntegration FALLBACK = new MockIntegration("int-fallback", 404, Map.of(),
            "{\"message\":\"nothing here\"}");

    /** Key A in free, key B in pro, key C disabled and in no plan (golden/README.md). */
    private static final List<StoredKey> KEYS = List.of(
            new StoredKey("keyccccccc", "fd61a03af4f77d870fc21e05e7e80678095c92d808cfb3b5c279ee04c74aca13", false, List.of()),
            new StoredKey("keyaaaaaaa", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", true,
                    List.of("planfree01")),
            new StoredKey("keybbbbbbb", "60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c11c752", true,
                    List.of("planpro001")));
    private static final List<StoredPlan> PLANS = List.of(
            new StoredPlan("planpro001", new Throttle(1000, 2000), new Quota(1_000_000, QuotaPeriod.MONTH, 0),
                    List.of(new PlanStage("k3x9q2m7ab", "prod", Map.of("GET /pets/{id}", new Throttle(500, 500))))),
            new StoredPlan("planfree01", new Throttle(5, 5), new Quota(100, QuotaPeriod.DAY, 0),
                    List.of(new PlanStage("k3x9q2m7ab", "prod", Map.of()))));

    @Test
    void compilesTheEmptyGateway() throws IOException {
        assertMatchesGolden("empty", SnapshotCompiler.compile(1, List.of(), List.of(), List.of()));
    }

    @Test
    void compilesPets() throws IOException {
        assertMatchesGolden("pets", SnapshotCompiler.compile(7, petsStages(), KEYS, PLANS));
    }

    @Test
    void compilesShopWhateverTheOrderOfTheRows() throws IOException {
        List<DeployedStage> stages = new ArrayList<>(shopStages());
        stages.addAll(petsStages());
        assertMatchesGolden("shop", SnapshotCompiler.compile(12, stages, KEYS, PLANS));
        assertMatchesGolden("shop", SnapshotCompiler.compile(12, List.of(stages.get(2), stages.get(1), stages.get(0)),
                List.of(KEYS.get(2), KEYS.get(0), KEYS.get(1)), List.of(PLANS.get(1), PLANS.get(0))));
    }

    @Test
    void compilesOrdersWithAuthorizersCorsAndRequestParameters() throws IOException {
        assertMatchesGolden("orders", SnapshotCompiler.compile(15, List.of(ordersStage()), List.of(), List.of()));
    }

    @Test
    void compilesShapingWithResponseParametersAndGatewayResponses() throws IOException {
        assertMatchesGolden("shaping", SnapshotCompiler.compile(22, List.of(shapingStage()), List.of(), List.of()));
    }

    @Test
    void compilesFunctionsWithModelsAndRequestValidation() throws IOException {
        assertMatchesGolden("functions", SnapshotCompiler.compile(21, List.of(functionsStage()), List.of(), List.of()));
    }

    @Test
    void contentWithoutAuthorizersKeepsItsSchema11Hash() {
        DeploymentContent content = new DeploymentContent(List.of(PING_ROUTE, PETS_ROUTE), List.of(PING, PETS));
        assertThat(SnapshotCodec.contentHash(content)).isEqualTo(SnapshotCodec.contentHash(content.routes(), content.integrations()));
        assertThat(SnapshotCodec.readContent(SnapshotCodec.writeContent(content))).isEqualTo(content);
        assertThat(SnapshotCodec.writeContent(content)).doesNotContain("authorizers");
    }

    @Test
    void plansCoverOnlyLiveStagesAndKeysOnlyKnownPlans() {
        List<StoredPlan> plans = List.of(new StoredPlan("planfree01", null, null, List.of(
                new PlanStage("k3x9q2m7ab", "prod", Map.of()), new PlanStage("k3x9q2m7ab", "staging", Map.of()),
                new PlanStage("nolivestag", "prod", Map.of()))));
        List<StoredKey> keys = List.of(new StoredKey("keyaaaaaaa", KEYS.get(1).keyHash(), true,
                List.of("planfree01", "planfree01", "goneplan00")));
        Snapshot snapshot = SnapshotCompiler.compile(9, petsStages(), keys, plans);
        assertThat(snapshot.usagePlans().get(0).apiStages()).extracting(PlanStage::stage).containsExactly("prod");
        assertThat(snapshot.apiKeys().get(0).usagePlanIds()).containsExactly("planfree01");
        assertThat(SnapshotValidator.problems(snapshot)).isEmpty();
    }

    @Test
    void everyGoldenFileIsCovered() {
        assertThat(GoldenSnapshots.NAMES).containsExactlyInAnyOrder("empty", "pets", "shop", "orders", "functions",
                "shaping");
    }

    @Test
    void twoStagesOnOneDeploymentShareIt() {
        DeploymentContent content = new DeploymentContent(List.of(PING_ROUTE), List.of(PING));
        Snapshot snapshot = SnapshotCompiler.compile(3, List.of(
                new DeployedStage("a", "a", null, "prod", Map.of(), null, Map.of(), "d1", 1, content),
                new DeployedStage("a", "a", null, "dev", Map.of(), null, Map.of(), "d1", 1, content)), List.of(), List.of());
        assertThat(snapshot.apis()).hasSize(1);
        assertThat(snapshot.apis().get(0).stages()).extracting(s -> s.name()).containsExactly("dev", "prod");
        assertThat(SnapshotValidator.problems(snapshot)).isEmpty();
    }

    private static List<DeployedStage> petsStages() {
        return List.of(new DeployedStage("k3x9q2m7ab", "pets", null, "prod", Map.of(), new Throttle(1000, 2000),
                Map.of("GET /ping", new Throttle(50, 100)), "dep-pets-1", 1,
                new DeploymentContent(List.of(PING_ROUTE, PETS_ROUTE), List.of(PING, PETS))));
    }

    private static List<DeployedStage> shopStages() {
        return List.of(
                new DeployedStage("shop000001", "shop", null, "$default", Map.of("host", "127.0.0.1:9998"), null, Map.of(),
                        "dep-shop-2", 2,
                        new DeploymentContent(List.of(FILES_ROUTE, DEFAULT_ROUTE), List.of(FILES, FALLBACK))),
                new DeployedStage("shop000001", "shop", null, "dev", Map.of("host", "127.0.0.1:9997"), null, Map.of(),
                        "dep-shop-1", 1,
                        new DeploymentContent(List.of(FILES_ROUTE), List.of(FILES))));
    }

    /** As the database holds golden/README.md's "orders": the rows' order and the draft's ids. */
    private static DeployedStage ordersStage() {
        Cors cors = new Cors(List.of("https://app.example.com", "https://*.example.org"), List.of("GET", "POST"),
                List.of("Authorization", "Content-Type"), List.of("X-Request-Id"), 600, true);
        HttpProxyIntegration orders = new HttpProxyIntegration("int-orders", "http://127.0.0.1:9994/orders", "ANY",
                29_000, HttpProxyIntegration.Tls.VERIFY, Map.of("overwrite:header.X-User",
                "$context.authorizer.claims.sub", "remove:header.Cookie", ""));
        Route get = new Route("rt-orders-get", "GET /orders", "int-orders", AuthorizationType.JWT, "authjwt001",
                List.of("orders:read"), false);
        Route post = new Route("rt-orders-post", "POST /orders", "int-orders", AuthorizationType.CUSTOM, "authcus001",
                List.of(), true);
        JwtAuthorizer jwt = new JwtAuthorizer("authjwt001", "issuer", "http://127.0.0.1:9996/realms/shop",
                List.of("orders-api"), null, "$request.header.Authorization");
        CustomAuthorizer custom = new CustomAuthorizer("authcus001", "gatekeeper", "http://127.0.0.1:9995/authorize",
                List.of("$request.header.Authorization"), 300, 2000, true, "2.0");
        return new DeployedStage("ordersapi1", "orders", cors, "prod", Map.of(), null, Map.of(), "dep-orders-1", 1,
                new DeploymentContent(List.of(post, get), List.of(orders), List.of(jwt, custom)));
    }

    /** golden/README.md's "shaping", as the database holds it. */
    private static DeployedStage shapingStage() {
        HttpProxyIntegration shaped = new HttpProxyIntegration("int-shaped", "http://127.0.0.1:9992/items", "ANY",
                29_000, HttpProxyIntegration.Tls.VERIFY, Map.of(), Map.of(
                "200", Map.of("append:header.X-Served-By", "$context.stage",
                        "overwrite:header.X-Item-Name", "$response.body.name"),
                "404", Map.of("overwrite:statuscode", "410", "remove:header.Server", "")));
        Route items = new Route("rt-items", "ANY /items", "int-shaped", AuthorizationType.NONE, true);
        Map<GatewayResponseType, GatewayResponse> responses = Map.of(
                GatewayResponseType.INVALID_API_KEY, new GatewayResponse(401, Map.of("WWW-Authenticate", "ApiKey"),
                        "{\"error\":\"$context.error.message\",\"requestId\":\"$context.requestId\"}"),
                GatewayResponseType.DEFAULT_5XX, new GatewayResponse(null, Map.of("Retry-After", "5"), null));
        return new DeployedStage("shapeapi01", "shaping", null, "prod", Map.of(), null, Map.of(), "dep-shaped-1", 1,
                new DeploymentContent(List.of(items), List.of(shaped), List.of(), List.of(), responses));
    }

    /** As the database holds golden/README.md's "functions": the schema as a jsonb column reads back. */
    private static DeployedStage functionsStage() throws IOException {
        FunctionIntegration v1 = new FunctionIntegration("int-fn-v1",
                "http://127.0.0.1:9993/2015-03-31/functions/pets-v1/invocations", "1.0", 29_000);
        FunctionIntegration v2 = new FunctionIntegration("int-fn-v2",
                "http://127.0.0.1:9993/2015-03-31/functions/pets-v2/invocations", "2.0", 3_000);
        Model pet = new Model("mdl-pet01", "Pet", JSON.readTree("{\"type\": \"object\", \"required\": [\"name\"],"
                + " \"properties\": {\"name\": {\"type\": \"string\", \"minLength\": 1}},"
                + " \"$schema\": \"http://json-schema.org/draft-04/schema#\"}"));
        Route post = new Route("rt-fn-post", "POST /pets", "int-fn-v2", AuthorizationType.NONE, null, List.of(), false,
                new RequestValidation("Pet", List.of("querystring.store")));
        Route get = new Route("rt-fn-get", "GET /pets/{id}", "int-fn-v1", AuthorizationType.NONE, null, List.of(),
                false, new RequestValidation(null, List.of("path.id", "header.X-Tenant")));
        return new DeployedStage("fnapi00001", "functions", null, "prod", Map.of("tier", "gold"), null, Map.of(),
                "dep-fn-1", 1, new DeploymentContent(List.of(post, get), List.of(v2, v1), List.of(), List.of(pet),
                Map.of()));
    }

    private static Route route(String id, String key, String integrationId) {
        return new Route(id, key, integrationId, AuthorizationType.NONE, false);
    }

    private static void assertMatchesGolden(String name, Snapshot compiled) throws IOException {
        JsonNode expected = JSON.readTree(GoldenSnapshots.bytes(name));
        JsonNode actual = JSON.readTree(SnapshotCodec.write(compiled));
        assertThat(actual).as(name).isEqualTo(expected);
        assertThat(SnapshotValidator.problems(compiled)).as(name).isEmpty();
    }
}
