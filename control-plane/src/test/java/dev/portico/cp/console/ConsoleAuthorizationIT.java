package dev.portico.cp.console;

import dev.portico.cp.api.ApiRequests;
import dev.portico.cp.api.ApiService;
import dev.portico.cp.api.AuthorizerRequest;
import dev.portico.cp.api.AuthorizerService;
import dev.portico.cp.api.IntegrationRequest;
import dev.portico.cp.api.IntegrationService;
import dev.portico.cp.api.RouteService;
import dev.portico.cp.paging.PageRequest;
import dev.portico.cp.revision.Revisions;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The console's authorizer, CORS, route-authorization and request-parameter forms. */
@QuarkusTest
class ConsoleAuthorizationIT {

    private static final PageRequest ALL = PageRequest.of(100, null);

    @Inject
    ApiService apis;

    @Inject
    AuthorizerService authorizers;

    @Inject
    IntegrationService integrations;

    @Inject
    RouteService routes;

    @Inject
    Revisions revisions;

    private SignedInAdmin admin;
    private String apiId;

    @BeforeEach
    void signIn() {
        admin = SignedInAdmin.signIn();
        apiId = apis.create(new ApiRequests.Create("auth-forms-" + UUID.randomUUID(), null)).id();
    }

    @Test
    void aBadJwtAuthorizerIsShownAtItsFieldsThenAGoodOneIsListed() {
        Response bad = post("/authorizers", Map.of("name", "issuer", "type", "JWT", "issuer", "idp.example.com",
                "audiences", "", "identitySource", "$request.header.Authorization"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body().asString())
                .contains("id=\"issuer-error\">must be an absolute http:// or https:// URL")
                .contains("id=\"audiences-error\">must name at least one audience")
                .contains("value=\"idp.example.com\"", "value=\"issuer\"");
        assertThat(authorizers.list(apiId, ALL).items()).isEmpty();

        Response good = post("/authorizers", Map.of("name", "issuer", "type", "JWT",
                "issuer", "https://idp.example.com/realms/shop", "audiences", "orders-api, admin-api",
                "identitySource", "$request.header.Authorization"));
        assertThat(good.statusCode()).isEqualTo(303);
        assertThat(authorizers.list(apiId, ALL).items()).singleElement()
                .satisfies(a -> assertThat(a.audiences()).containsExactly("orders-api", "admin-api"));
        assertThat(page("/authorizers")).contains("https://idp.example.com/realms/shop", "Authorizers");
    }

    @Test
    void aCustomAuthorizerWithANonNumberIsRefusedWithEveryError() {
        Response bad = post("/authorizers", Map.of("name", "gate", "type", "CUSTOM", "uri", "nope",
                "identitySources", "$request.header.Authorization", "resultTtlSeconds", "soon",
                "timeoutMillis", "2000", "enableSimpleResponses", "true"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body().asString())
                .contains("id=\"resultTtlSeconds-error\">must be a whole number, got &quot;soon&quot;")
                .contains("id=\"uri-error\">must be an absolute")
                .contains("<option value=\"CUSTOM\" selected>");
        assertThat(authorizers.list(apiId, ALL).items()).isEmpty();
    }

    @Test
    void deletingAnAuthorizerAsksFirst() {
        String id = authorizers.create(apiId, jwt()).id();
        assertThat(page("/authorizers/" + id + "/delete")).contains("Delete authorizer issuer");
        assertThat(post("/authorizers/" + id + "/delete", Map.of()).statusCode()).isEqualTo(303);
        assertThat(authorizers.list(apiId, ALL).items()).isEmpty();
    }

    @Test
    void aRouteNamingAnAuthorizerOfTheWrongTypeIsRefusedAtThatField() {
        String integration = mock();
        String custom = authorizers.create(apiId, new AuthorizerRequest("gate", "CUSTOM", null, null, null, null,
                "http://127.0.0.1:9995/authorize", List.of("$request.header.Authorization"), null, null, null,
                null)).id();
        Response bad = post("/routes", Map.of("routeKey", "GET /orders", "integrationId", integration,
                "authorizationType", "JWT", "authorizerId", custom, "authorizationScopes", "orders:read"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body().asString())
                .contains("id=\"authorizerId-error\">authorizer " + custom + " is a CUSTOM authorizer")
                .contains("<option value=\"" + custom + "\" selected>")
                .contains("<option value=\"JWT\" selected>", "value=\"orders:read\"");
        assertThat(routes.list(apiId, ALL).items()).isEmpty();

        String jwt = authorizers.create(apiId, jwt()).id();
        assertThat(post("/routes", Map.of("routeKey", "GET /orders", "integrationId", integration,
                "authorizationType", "JWT", "authorizerId", jwt, "authorizationScopes", "orders:read")).statusCode())
                .isEqualTo(303);
        assertThat(routes.list(apiId, ALL).items()).singleElement()
                .satisfies(r -> assertThat(r.authorizationScopes()).containsExactly("orders:read"));
    }

    @Test
    void corsForAnyOriginWithCredentialsIsRefusedThenAGoodOneIsLiveAtOnce() {
        Response bad = post("/cors", Map.of("cors.allowOrigins", "*", "cors.allowMethods", "GET",
                "cors.maxAge", "600", "cors.allowCredentials", "true"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body().asString()).contains("id=\"cors.allowCredentials-error\">cannot be true")
                .contains("name=\"cors.allowCredentials\" value=\"true\" checked", "value=\"600\"");
        assertThat(apis.get(apiId).cors()).isNull();

        long before = revisions.current();
        Response good = post("/cors", Map.of("cors.allowOrigins", "https://app.example.com, https://*.example.org",
                "cors.allowMethods", "GET, POST", "cors.maxAge", "600", "cors.allowCredentials", "true"));
        assertThat(good.statusCode()).isEqualTo(303);
        assertThat(apis.get(apiId).cors().allowOrigins())
                .containsExactly("https://app.example.com", "https://*.example.org");
        assertThat(revisions.current()).isGreaterThan(before);
        assertThat(page("/cors?saved=true")).contains("without a deployment", "Remove CORS");

        assertThat(page("/cors/delete")).contains("Remove CORS of");
        assertThat(post("/cors/delete", Map.of()).statusCode()).isEqualTo(303);
        assertThat(apis.get(apiId).cors()).isNull();
    }

    @Test
    void aBadRequestParameterIsShownOnItsRowAndTheRowsAreKept() {
        Response bad = post("/integrations", Map.of("type", "HTTP_PROXY", "uri", "http://127.0.0.1:9994/orders",
                "method", "ANY", "requestParameters[0].key", "overwrite:header.X-User",
                "requestParameters[0].value", "$context.authorizer.claims.sub",
                "requestParameters[1].key", "overwrite:header.X-Tenant", "requestParameters[1].value", "$request.body.t"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body().asString())
                .contains("id=\"param-1-error\">$request.body.t is not known")
                .contains("value=\"overwrite:header.X-User\"", "value=\"$context.authorizer.claims.sub\"");
        assertThat(integrations.list(apiId, ALL).items()).isEmpty();

        Response good = post("/integrations", Map.of("type", "HTTP_PROXY", "uri", "http://127.0.0.1:9994/orders",
                "method", "ANY", "requestParameters[0].key", "remove:header.Cookie", "requestParameters[0].value", "",
                "requestParameters[1].key", "", "requestParameters[1].value", ""));
        assertThat(good.statusCode()).isEqualTo(303);
        String id = integrations.list(apiId, ALL).items().get(0).id();
        assertThat(integrations.get(apiId, id).requestParameters()).containsOnlyKeys("remove:header.Cookie");
        assertThat(page("/integrations/" + id)).contains("value=\"remove:header.Cookie\"");
    }

    private static AuthorizerRequest jwt() {
        return new AuthorizerRequest("issuer", "JWT", "https://idp.example.com", List.of("orders-api"), null, null,
                null, null, null, null, null, null);
    }

    private String mock() {
        return integrations.create(apiId, new IntegrationRequest("MOCK", null, null, null, null, 200, null, "ok")).id();
    }

    private String page(String path) {
        return admin.page("/console/apis/" + apiId + path);
    }

    private Response post(String path, Map<String, String> fields) {
        return admin.post("/console/apis/" + apiId + path, fields);
    }
}
