package dev.portico.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.keys.HmacKey;
import org.jose4j.lang.JoseException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 5's acceptance steps 1–5 and the API half of step 6, against the packaged control plane, two
 * node processes, a real backend, a real OIDC issuer (RSA and EC keys, rotation) and a real custom
 * authorizer, all on loopback. Prints how long key rotation took to reach the nodes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuthorizationIT {

    private static final String ORDERS = "/prod/orders";
    private static final String REPORTS = "/prod/reports";
    private static final String APP = "https://app.example.com";

    private ControlPlane cp;
    private List<Node> nodes;
    private Backend backend;
    private OidcIssuer issuer;
    private Gatekeeper gatekeeper;
    private AdminClient admin;
    private String apiId;

    @BeforeAll
    void start() {
        issuer = OidcIssuer.start();
        issuer.addKey("rsa-1", false);
        issuer.addKey("ec-1", true);
        gatekeeper = Gatekeeper.start();
        backend = Backend.start("orders");
        cp = ControlPlane.start("authz-cp");
        nodes = List.of(Node.start("authz-node-1", cp), Node.start("authz-node-2", cp));
        admin = cp.admin();
        createOrdersApi();
    }

    @AfterAll
    void stop() {
        nodes.forEach(Node::close);
        cp.close();
        backend.close();
        issuer.close();
        gatekeeper.close();
    }

    /** Step 1: GET /orders behind the issuer (audience orders-api, scope orders:read), GET /reports behind the gatekeeper. */
    private void createOrdersApi() {
        apiId = admin.post("/admin/v1/apis", Map.of("name", "orders", "cors", Map.of(
                "allowOrigins", List.of(APP), "allowMethods", List.of("GET", "POST"),
                "allowHeaders", List.of("Authorization", "Content-Type"), "exposeHeaders", List.of("X-Request-Id"),
                "maxAge", 600))).expect(201).json().get("id").asText();
        String api = "/admin/v1/apis/" + apiId;
        String integration = admin.post(api + "/integrations", Map.of("type", "HTTP_PROXY",
                "uri", backend.url() + "/orders", "method", "GET", "requestParameters", Map.of(
                        "overwrite:header.X-User", "$context.authorizer.claims.sub",
                        "overwrite:header.X-Gatekeeper-User", "$context.authorizer.user")))
                .expect(201).json().get("id").asText();
        String jwt = admin.post(api + "/authorizers", Map.of("name", "shop-idp", "type", "JWT",
                "issuer", issuer.issuer(), "audiences", List.of("orders-api"))).expect(201).json().get("id").asText();
        String custom = admin.post(api + "/authorizers", Map.of("name", "gatekeeper", "type", "CUSTOM",
                "uri", gatekeeper.url(), "identitySources", List.of("$request.header.Authorization"),
                "resultTtlSeconds", 300, "timeoutMillis", 2000)).expect(201).json().get("id").asText();
        admin.post(api + "/routes", Map.of("routeKey", "GET /orders", "integrationId", integration,
                "authorizationType", "JWT", "authorizerId", jwt, "authorizationScopes", List.of("orders:read"))).expect(201);
        admin.post(api + "/routes", Map.of("routeKey", "GET /reports", "integrationId", integration,
                "authorizationType", "CUSTOM", "authorizerId", custom)).expect(201);
        admin.post(api + "/deployments", Map.of("stageName", "prod", "description", "orders behind the IdP")).expect(201);
        String token = issuer.sign("rsa-1", issuer.claims("alice", "orders:read"));
        Waits.until(Duration.ofSeconds(10), "both nodes serve the orders API",
                () -> nodes.stream().allMatch(n -> get(n, ORDERS, token).statusCode() == 200));
    }

    @Test
    @Order(1)
    void aValidTokenPassesAndItsSubjectReachesTheBackend() {
        for (Node node : nodes) {
            for (String kid : List.of("rsa-1", "ec-1")) {
                String token = issuer.sign(kid, issuer.claims("alice", "profile orders:read"));
                int before = backend.seen().size();
                HttpResponse<String> ok = node.get(apiId, ORDERS, Map.of("Authorization", "Bearer " + token,
                        "X-User", "mallory"));
                assertThat(ok.statusCode()).as(kid + ": " + ok.body()).isEqualTo(200);
                Backend.Seen seen = backend.seen().get(before);
                assertThat(seen.headers().get("X-User")).as("mapped from sub, not the client's").isEqualTo("alice");
                assertThat(seen.headers()).doesNotContainKey("X-Gatekeeper-User");
            }
            String raw = issuer.sign("rsa-1", issuer.claims("bob", "orders:read"));
            assertThat(node.get(apiId, ORDERS, Map.of("Authorization", raw)).statusCode()).as("raw token").isEqualTo(200);
        }
    }

    @Test
    @Order(2)
    void everyBadTokenIsRefusedWith401AndAMissingScopeWith403() throws Exception {
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("expired", issuer.sign("rsa-1", expiredSecondsAgo(120)));
        bad.put("wrong audience", issuer.sign("rsa-1", with(issuer.claims("alice", "orders:read"), c -> c.setAudience("billing-api"))));
        bad.put("wrong issuer", issuer.sign("rsa-1", with(issuer.claims("alice", "orders:read"), c -> c.setIssuer("http://127.0.0.1:1/evil"))));
        bad.put("tampered", tampered(issuer.sign("rsa-1", issuer.claims("alice", "orders:read"))));
        bad.put("alg none", unsigned(issuer.claims("alice", "orders:read")));
        bad.put("HS256 with the public key", hmacWithPublicKey(issuer.claims("alice", "orders:read")));
        bad.put("garbage", "not.a.token");
        bad.put("not yet valid", issuer.sign("rsa-1", with(issuer.claims("alice", "orders:read"),
                c -> c.setNotBefore(NumericDate.fromSeconds(NumericDate.now().getValue() + 600)))));
        int seenBefore = backend.seen().size();
        for (Node node : nodes) {
            bad.forEach((what, token) -> {
                HttpResponse<String> refused = get(node, ORDERS, token);
                assertThat(refused.statusCode()).as(what).isEqualTo(401);
                assertThat(Json.parse(refused.body()).get("message").asText()).as(what).isEqualTo("Unauthorized");
            });
            assertThat(node.get(apiId, ORDERS, Map.of()).statusCode()).as("no token").isEqualTo(401);
            HttpResponse<String> noScope = get(node, ORDERS, issuer.sign("rsa-1", issuer.claims("alice", "profile")));
            assertThat(noScope.statusCode()).isEqualTo(403);
            assertThat(Json.parse(noScope.body()).get("message").asText()).isEqualTo("Forbidden");
            assertThat(get(node, ORDERS, issuer.sign("rsa-1", expiredSecondsAgo(30))).statusCode())
                    .as("expired 30 s ago: within the 60 s skew").isEqualTo(200);
        }
        assertThat(backend.seen().size()).as("only the two within-skew tokens reached the backend").isEqualTo(seenBefore + 2);
    }

    @Test
    @Order(3)
    void aRotatedKeyIsAcceptedWithinSecondsAndARetiredOneStopsWorking() {
        String oldToken = issuer.sign("rsa-1", issuer.claims("alice", "orders:read"));
        issuer.addKey("rsa-2", false);
        String newToken = issuer.sign("rsa-2", issuer.claims("alice", "orders:read"));
        long accepted = Waits.until(Duration.ofSeconds(10), "both nodes accept the new key",
                () -> nodes.stream().allMatch(n -> get(n, ORDERS, newToken).statusCode() == 200));
        issuer.retire("rsa-1");
        long refused = Waits.until(Duration.ofSeconds(20), "both nodes refuse the retired key",
                () -> nodes.stream().allMatch(n -> get(n, ORDERS, oldToken).statusCode() == 401));
        System.out.printf("ROTATION: new key accepted by both nodes after %d ms; retired key refused after %d ms "
                + "(JWKS max-age 2 s); %d JWKS fetches in all%n", accepted, refused, issuer.jwksFetches());
        assertThat(nodes).allSatisfy(n -> assertThat(get(n, ORDERS, newToken).statusCode()).isEqualTo(200));
    }

    @Test
    @Order(4)
    void theCustomAuthorizerDecidesOnceWithinItsTtl() {
        Node node = nodes.get(0);
        int before = backend.seen().size();
        assertThat(node.get(apiId, REPORTS, Map.of("Authorization", "allow-carol")).statusCode()).isEqualTo(200);
        assertThat(gatekeeper.calls()).isEqualTo(1);
        assertThat(gatekeeper.lastEvent().getString("version")).isEqualTo("2.0");
        assertThat(gatekeeper.lastEvent().getString("routeKey")).isEqualTo("GET /reports");
        assertThat(backend.seen().get(before).headers().get("X-Gatekeeper-User")).isEqualTo("carol");
        assertThat(node.get(apiId, REPORTS, Map.of("Authorization", "allow-carol")).statusCode()).isEqualTo(200);
        assertThat(gatekeeper.calls()).as("the second identical call is answered from the cache").isEqualTo(1);

        HttpResponse<String> denied = node.get(apiId, REPORTS, Map.of("Authorization", "deny-dave"));
        assertThat(denied.statusCode()).isEqualTo(403);
        assertThat(gatekeeper.calls()).isEqualTo(2);
        assertThat(node.get(apiId, REPORTS, Map.of()).statusCode()).as("no identity: 401 without a call").isEqualTo(401);
        assertThat(gatekeeper.calls()).isEqualTo(2);

        gatekeeper.close();
        HttpResponse<String> down = node.get(apiId, REPORTS, Map.of("Authorization", "allow-erin"));
        assertThat(down.statusCode()).isEqualTo(500);
        assertThat(Json.parse(down.body()).get("message").asText()).isEqualTo("Internal Server Error");
        assertThat(node.get(apiId, REPORTS, Map.of("Authorization", "allow-carol")).statusCode())
                .as("a cached answer outlives the authorizer").isEqualTo(200);
    }

    @Test
    @Order(5)
    void corsPreflightsAreAnsweredBeforeAuthorization() {
        for (Node node : nodes) {
            HttpResponse<String> preflight = node.request(apiId, "OPTIONS", ORDERS, Map.of("Origin", APP,
                    "Access-Control-Request-Method", "GET", "Access-Control-Request-Headers", "authorization"));
            assertThat(preflight.statusCode()).isEqualTo(204);
            assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).contains(APP);
            assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods").orElse("")).contains("GET");
            assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers").orElse("").toLowerCase())
                    .contains("authorization");
            assertThat(preflight.headers().firstValue("Access-Control-Max-Age")).contains("600");

            HttpResponse<String> stranger = node.request(apiId, "OPTIONS", ORDERS, Map.of("Origin", "https://evil.example",
                    "Access-Control-Request-Method", "GET"));
            assertThat(stranger.headers().map().keySet()).noneMatch(h -> h.toLowerCase().startsWith("access-control-"));

            String token = issuer.sign("rsa-2", issuer.claims("alice", "orders:read"));
            HttpResponse<String> actual = node.get(apiId, ORDERS, Map.of("Origin", APP, "Authorization", token));
            assertThat(actual.statusCode()).isEqualTo(200);
            assertThat(actual.headers().firstValue("Access-Control-Allow-Origin")).contains(APP);
            assertThat(actual.headers().firstValue("Access-Control-Expose-Headers")).contains("X-Request-Id");
        }
    }

    @Test
    @Order(6)
    void aViewerReadsButChangesNothingAndAnEditorDeploysButManagesNoUsers() {
        admin.post("/admin/v1/users", Map.of("username", "vera", "password", "viewer-password-1", "role", "viewer")).expect(201);
        admin.post("/admin/v1/users", Map.of("username", "eddie", "password", "editor-password-1", "role", "editor")).expect(201);
        AdminClient viewer = AdminClient.login(cp.url(), "vera", "viewer-password-1");
        AdminClient editor = AdminClient.login(cp.url(), "eddie", "editor-password-1");
        String api = "/admin/v1/apis/" + apiId;
        long revision = admin.get("/admin/v1/revisions/current").expect(200).json().get("revision").asLong();

        for (String read : List.of("/admin/v1/apis", api, api + "/routes", api + "/authorizers", api + "/deployments",
                "/admin/v1/api-keys", "/admin/v1/usage-plans", "/admin/v1/nodes", "/admin/v1/audit-events")) {
            viewer.get(read).expect(200);
        }
        viewer.post("/admin/v1/apis", Map.of("name", "nope")).expect(403);
        viewer.patch(api, Map.of("description", "nope"), null).expect(403);
        viewer.post(api + "/deployments", Map.of("stageName", "prod", "description", "nope")).expect(403);
        viewer.post(api + "/authorizers", Map.of("name", "x", "type", "JWT", "issuer", issuer.issuer(),
                "audiences", List.of("a"))).expect(403);
        viewer.delete(api).expect(403);
        viewer.post("/admin/v1/api-keys", Map.of("name", "nope")).expect(403);
        viewer.get("/admin/v1/users").expect(403);
        assertThat(admin.get("/admin/v1/revisions/current").expect(200).json().get("revision").asLong())
                .as("the viewer changed nothing").isEqualTo(revision);

        JsonNode deployment = editor.post(api + "/deployments", Map.of("stageName", "prod", "description", "by the editor"))
                .expect(201).json();
        assertThat(deployment.get("createdBy").asText()).isEqualTo("eddie");
        editor.get("/admin/v1/users").expect(403);
        editor.post("/admin/v1/users", Map.of("username", "x", "password", "some-password-1", "role", "admin")).expect(403);
        JsonNode audit = admin.get("/admin/v1/audit-events?actor=eddie").expect(200).json().get("items");
        assertThat(Json.stream(audit).map(e -> e.get("actor").asText())).isNotEmpty().allMatch("eddie"::equals);
    }

    private HttpResponse<String> get(Node node, String path, String token) {
        return node.get(apiId, path, Map.of("Authorization", "Bearer " + token));
    }

    private JwtClaims expiredSecondsAgo(long seconds) {
        JwtClaims claims = issuer.claims("alice", "orders:read");
        long expiry = NumericDate.now().getValue() - seconds;
        claims.setIssuedAt(NumericDate.fromSeconds(expiry - 300));
        claims.setExpirationTime(NumericDate.fromSeconds(expiry));
        return claims;
    }

    private static JwtClaims with(JwtClaims claims, java.util.function.Consumer<JwtClaims> change) {
        change.accept(claims);
        return claims;
    }

    /** The same header and signature over a payload that says someone else. */
    private static String tampered(String token) {
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"alice\"", "\"admin\"");
        return parts[0] + "." + b64(payload) + "." + parts[2];
    }

    private static String unsigned(JwtClaims claims) {
        return b64("{\"alg\":\"none\",\"kid\":\"rsa-1\"}") + "." + b64(claims.toJson()) + ".";
    }

    /** The classic key-confusion attack: HS256 keyed with the issuer's public RSA key. */
    private String hmacWithPublicKey(JwtClaims claims) throws JoseException {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
        jws.setKeyIdHeaderValue("rsa-1");
        jws.setKey(new HmacKey(issuer.key("rsa-1").getPublicKey().getEncoded()));
        return jws.getCompactSerialization();
    }

    private static String b64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
