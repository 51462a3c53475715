package dev.portico.cp.deployment;

import dev.portico.cp.snapshot.SnapshotSource;
import dev.portico.snapshot.Api;
import dev.portico.snapshot.Authorizer;
import dev.portico.snapshot.Deployment;
import dev.portico.snapshot.HttpProxyIntegration;
import dev.portico.snapshot.JwtAuthorizer;
import dev.portico.snapshot.Route;
import dev.portico.snapshot.Snapshot;
import dev.portico.snapshot.SnapshotCodec;
import dev.portico.snapshot.SnapshotValidator;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.portico.cp.api.AdminCalls.createApi;
import static dev.portico.cp.api.AdminCalls.get;
import static dev.portico.cp.api.AdminCalls.patch;
import static dev.portico.cp.api.AdminCalls.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** Authorizers, route authorization and request parameters are draft: frozen by a deploy, shown in pending and diff. */
@QuarkusTest
@TestSecurity(user = "alice", roles = "editor")
class AuthorizerDeploymentIT {

    @Inject
    SnapshotSource source;

    @Test
    void aDeploymentFreezesAuthorizersAndNodesGetThemOnlyThen() {
        String api = createApi("frozen-authorizers");
        String jwt = post(api, "/authorizers", Map.of("name", "issuer", "type", "JWT", "issuer",
                "http://127.0.0.1:9996/realms/shop", "audiences", List.of("orders-api"))).statusCode(201)
                .extract().path("id");
        String integration = post(api, "/integrations", Map.of("type", "HTTP_PROXY", "uri",
                "http://127.0.0.1:9994/orders", "requestParameters",
                Map.of("overwrite:header.X-User", "$context.authorizer.claims.sub"))).statusCode(201)
                .extract().path("id");
        post(api, "/routes", Map.of("routeKey", "GET /orders", "integrationId", integration,
                "authorizationType", "JWT", "authorizerId", jwt, "authorizationScopes", List.of("orders:read")))
                .statusCode(201);
        get(api, "/stages/prod/pending").statusCode(404);

        String v1 = post(api, "/deployments", Map.of("stageName", "prod")).statusCode(201)
                .body("authorizers[0].type", equalTo("JWT"))
                .body("authorizers[0].audiences", contains("orders-api"))
                .body("routes[0].authorizerId", equalTo(jwt))
                .body("integrations[0].requestParameters.'overwrite:header.X-User'",
                        equalTo("$context.authorizer.claims.sub"))
                .extract().path("id");
        Deployment served = served(source.current(), api);
        assertThat(SnapshotValidator.problems(source.current())).isEmpty();
        assertThat(served.authorizers()).singleElement().isInstanceOf(JwtAuthorizer.class);
        Route route = served.routes().get(0);
        assertThat(route.authorizerId()).isEqualTo(jwt);
        assertThat(route.authorizationScopes()).containsExactly("orders:read");
        assertThat(((HttpProxyIntegration) served.integrations().get(0)).requestParameters())
                .containsEntry("overwrite:header.X-User", "$context.authorizer.claims.sub");
        assertThat(served.contentHash()).isEqualTo(SnapshotCodec.contentHash(served.routes(),
                served.integrations(), served.authorizers()));

        patch(api, "/authorizers/" + jwt, Map.of("audiences", List.of("orders-api", "admin-api"))).statusCode(200);
        get(api, "/stages/prod/pending").statusCode(200).body("hasChanges", equalTo(true))
                .body("changes.kind", contains("authorizer"))
                .body("changes[0].key", equalTo("issuer"))
                .body("changes[0].change", equalTo("CHANGED"))
                .body("changes[0].fields.field", contains("audiences"));
        List<Authorizer> stillServed = served(source.current(), api).authorizers();
        assertThat(((JwtAuthorizer) stillServed.get(0)).audiences()).as("draft edits are not live")
                .containsExactly("orders-api");

        String v2 = post(api, "/deployments", Map.of("stageName", "prod")).statusCode(201).extract().path("id");
        get(api, "/deployments/" + v2 + "/diff?base=" + v1).statusCode(200)
                .body("changes.kind", hasItem("authorizer"))
                .body("changes.find { it.kind == 'authorizer' }.id", equalTo(jwt));
        assertThat(((JwtAuthorizer) served(source.current(), api).authorizers().get(0)).audiences())
                .containsExactly("orders-api", "admin-api");
        get(api, "/stages/prod/pending").body("hasChanges", equalTo(false));
    }

    private static Deployment served(Snapshot snapshot, String apiId) {
        Api api = snapshot.apis().stream().filter(a -> a.id().equals(apiId)).findFirst().orElseThrow();
        return api.stages().get(0).deployment();
    }
}
