package dev.portico.node;

import dev.portico.node.testing.Blocking;
import dev.portico.node.testing.GatewayClient;
import dev.portico.node.testing.GatewayClient.Reply;
import dev.portico.node.testing.RunningNode;
import dev.portico.node.testing.TestIssuer;
import dev.portico.node.testing.Tokens;
import dev.portico.snapshot.Api;
import dev.portico.snapshot.AuthorizationType;
import dev.portico.snapshot.Authorizer;
import dev.portico.snapshot.JwtAuthorizer;
import dev.portico.snapshot.PlanStage;
import dev.portico.snapshot.Route;
import dev.portico.snapshot.Snapshot;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import static dev.portico.node.testing.Snapshots.api;
import static dev.portico.node.testing.Snapshots.authorizedRoute;
import static dev.portico.node.testing.Snapshots.key;
import static dev.portico.node.testing.Snapshots.mock;
import static dev.portico.node.testing.Snapshots.plan;
import static dev.portico.node.testing.Snapshots.snapshot;
import static dev.portico.node.testing.Snapshots.stage;
import static dev.portico.node.testing.Tokens.claims;
import static dev.portico.node.testing.Tokens.sign;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * JWT routes on a real node against a real issuer on loopback (discovery and JWKS over HTTP). Each
 * test starts an issuer of its own, so key caches of the node (which outlive snapshots) never meet.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JwtAuthorizationIT {

    private static final String API_ID = "jwtapi0001";
    private static final String HOST = API_ID + ".localhost";
    /** KeySet.REFETCH_INTERVAL. */
    private static final long KEY_REFETCH_INTERVAL_MILLIS = 3_000;

    private final Vertx vertx = Vertx.vertx();
    private final AtomicLong revision = new AtomicLong();
    private RunningNode node;
    private GatewayClient client;

    @BeforeAll
    void start(@TempDir Path dataDir) throws Exception {
        node = RunningNode.start(dataDir);
        client = new GatewayClient(vertx, node.gatewayPort());
    }

    @AfterAll
    void stop() {
        client.close();
        node.close();
        Blocking.await(vertx.close());
    }

    /** Serves routes checked by a JWT authorizer of {@code issuer} (jwksUri null: discovery). */
    private void serve(String issuer, String jwksUri) {
        List<Authorizer> authorizers = List.of(new JwtAuthorizer("authjwt001", "issuer", issuer,
                List.of(Tokens.AUDIENCE, "second-api"), jwksUri, null));
        List<Route> routes = List.of(
                authorizedRoute("GET /orders", "ok", AuthorizationType.JWT, "authjwt001", false, "orders:read"),
                authorizedRoute("GET /profile", "ok", AuthorizationType.JWT, "authjwt001", false),
                authorizedRoute("GET /keyed", "ok", AuthorizationType.JWT, "authjwt001", true));
        Api api = api(API_ID, stage("prod", Map.of(), routes, List.of(mock("ok", 200, "{\"ok\":true}")), authorizers));
        Snapshot snapshot = snapshot(revision.incrementAndGet(), List.of(api), List.of(key("k1", "value-1", true, "p")),
                List.of(plan("p", null, null, new PlanStage(API_ID, "prod", Map.of()))));
        node.apply(snapshot);
    }

    private Reply get(String path, String authorization) {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        if (authorization != null) {
            headers.add("Authorization", authorization);
        }
        return client.get(HOST, "/prod" + path, headers);
    }

    private static String token(PublicJsonWebKey key, TestIssuer issuer, String subject, String scope) {
        JwtClaims claims = claims(issuer.issuer(), subject);
        if (scope != null) {
            claims.setClaim("scope", scope);
        }
        return sign(key, claims);
    }

    private static void assertUnauthorized(Reply reply) {
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.body()).isEqualTo("{\"message\":\"Unauthorized\"}");
        assertThat(reply.header("WWW-Authenticate")).isEqualTo("Bearer");
        assertThat(reply.header("X-Request-Id")).isNotBlank();
    }

    private String logLine(String requestId) throws InterruptedException {
        return node.accessLog().await(line -> line.contains("\"requestId\":\"" + requestId + "\""), Duration.ofSeconds(5));
    }

    @Test
    void aValidTokenFromTheDiscoveredIssuerPassesAndNamesThePrincipal() throws Exception {
        try (TestIssuer issuer = TestIssuer.start(vertx)) {
            PublicJsonWebKey rsa = Tokens.rsaKey("rsa-1");
            PublicJsonWebKey ec = Tokens.ecKey("ec-1");
            issuer.publish(rsa, ec);
            serve(issuer.issuer(), null);

            Reply ok = get("/orders", "Bearer " + token(rsa, issuer, "alice", "orders:read"));
            assertThat(ok.status()).isEqualTo(200);
            assertThat(ok.body()).isEqualTo("{\"ok\":true}");
            JsonObject line = new JsonObject(logLine(ok.header("X-Request-Id")));
            assertThat(line.getString("principal")).isEqualTo("alice");
            assertThat(line.getValue("error")).isNull();

            assertThat(get("/orders", "bearer " + token(ec, issuer, "bob", "x orders:read")).status()).isEqualTo(200);
            assertThat(get("/profile", token(ec, issuer, "bob", null)).status()).as("raw token").isEqualTo(200);
            assertThat(issuer.discoveryFetches()).as("discovery is remembered").isEqualTo(1);
            assertThat(issuer.jwksFetches()).as("keys are cached").isEqualTo(1);
        }
    }

    @Test
    void missingGarbageForeignAndUnscopedTokensAreRefused() throws Exception {
        try (TestIssuer issuer = TestIssuer.start(vertx)) {
            PublicJsonWebKey rsa = Tokens.rsaKey("rsa-1");
            issuer.publish(rsa);
            serve(issuer.issuer(), issuer.jwksUri());

            Reply missing = get("/orders", null);
            assertUnauthorized(missing);
            assertThat(new JsonObject(logLine(missing.header("X-Request-Id"))).getString("error")).isEqualTo("JWT_MISSING");
            assertUnauthorized(get("/orders", "Bearer "));
            Reply garbage = get("/orders", "Bearer not-a-token");
            assertUnauthorized(garbage);
            assertThat(new JsonObject(logLine(garbage.header("X-Request-Id"))).getString("error")).isEqualTo("JWT_INVALID");
            assertUnauthorized(get("/orders", "Bearer " + sign(Tokens.rsaKey("rsa-1"), claims(issuer.issuer(), "eve"))));
            JwtClaims otherAudience = claims(issuer.issuer(), "eve");
            otherAudience.setAudience("not-ours");
            otherAudience.setClaim("scope", "orders:read");
            assertUnauthorized(get("/orders", "Bearer " + sign(rsa, otherAudience)));

            Reply unscoped = get("/orders", "Bearer " + token(rsa, issuer, "carol", "orders:write"));
            assertThat(unscoped.status()).isEqualTo(403);
            assertThat(unscoped.body()).isEqualTo("{\"message\":\"Forbidden\"}");
            assertThat(unscoped.header("WWW-Authenticate")).isNull();
            assertThat(new JsonObject(logLine(unscoped.header("X-Request-Id"))).getString("error")).isEqualTo("SCOPE_MISSING");

            String metrics = client.getStatus(node.statusPort(), "/metrics");
            for (String reason : List.of("jwt_missing", "jwt_invalid", "scope_missing")) {
                assertThat(metrics).containsPattern("portico_requests_rejected_total\\{api=\"" + API_ID
                        + "\",reason=\"" + reason + "\",route=\"GET /orders\",stage=\"prod\"} [1-9]");
            }
        }
    }

    @Test
    void unknownKeyIdsRefetchTheKeysAtMostOncePerFewSeconds() throws Exception {
        try (TestIssuer issuer = TestIssuer.start(vertx)) {
            PublicJsonWebKey rsa = Tokens.rsaKey("rsa-1");
            issuer.publish(rsa);
            serve(issuer.issuer(), issuer.jwksUri());
            assertThat(get("/profile", token(rsa, issuer, "a", null)).status()).isEqualTo(200);
            assertThat(issuer.jwksFetches()).isEqualTo(1);
            // Signed before the clock starts: key generation is slow on a busy machine.
            List<String> madeUp = new java.util.ArrayList<>();
            for (int i = 0; i < 7; i++) {
                madeUp.add(token(Tokens.ecKey("made-up-" + i), issuer, "m", null));
            }
            Thread.sleep(3_100);

            long started = System.nanoTime();
            for (String token : madeUp.subList(0, 6)) {
                assertUnauthorized(get("/profile", token));
            }
            List<Reply> together = client.getAtOnce(10, HOST, "/prod/profile", MultiMap.caseInsensitiveMultiMap()
                    .add("Authorization", madeUp.get(6)));
            long windows = (System.nanoTime() - started) / 3_000_000_000L;
            assertThat(together).allSatisfy(JwtAuthorizationIT::assertUnauthorized);
            assertThat(issuer.jwksFetches()).as("one refetch per 3 s for 16 unknown key ids").isBetween(2, 2 + (int) windows);
            assertThat(get("/profile", token(rsa, issuer, "a", null)).status()).isEqualTo(200);
        }
    }

    @Test
    void rotatedKeysAreAcceptedWithinSecondsAndRetiredOnesStopWorking() throws Exception {
        try (TestIssuer issuer = TestIssuer.start(vertx)) {
            PublicJsonWebKey old = Tokens.rsaKey("key-old");
            PublicJsonWebKey fresh = Tokens.ecKey("key-new");
            issuer.publish(old);
            issuer.cacheControl("max-age=2");
            serve(issuer.issuer(), null);
            assertThat(get("/profile", token(old, issuer, "a", null)).status()).isEqualTo(200);

            issuer.publish(old, fresh);
            assertThat(eventually(() -> get("/profile", token(fresh, issuer, "b", null)).status(), 200, Duration.ofSeconds(8)))
                    .as("the new key is accepted within seconds").isEqualTo(200);

            issuer.publish(fresh);
            assertThat(eventually(() -> get("/profile", token(old, issuer, "c", null)).status(), 401, Duration.ofSeconds(10)))
                    .as("the retired key stops working once the cached JWKS expired").isEqualTo(401);
            assertThat(get("/profile", token(fresh, issuer, "b", null)).status()).isEqualTo(200);
        }
    }

    @Test
    void theSameTokenIsRefusedOnceItsKeyIsRetiredThoughItWasVerifiedBefore() throws Exception {
        try (TestIssuer issuer = TestIssuer.start(vertx)) {
            PublicJsonWebKey old = Tokens.rsaKey("key-old");
            PublicJsonWebKey fresh = Tokens.ecKey("key-new");
            issuer.publish(old, fresh);
            issuer.cacheControl("max-age=1");
            serve(issuer.issuer(), issuer.jwksUri());
            String token = token(old, issuer, "alice", "orders:read");
            assertThat(get("/orders", token).status()).isEqualTo(200);
            assertThat(get("/profile", token).status()).as("another route, the same verified token").isEqualTo(200);

            issuer.publish(fresh);
            Thread.sleep(KEY_REFETCH_INTERVAL_MILLIS + 100);
            assertThat(get("/profile", token(fresh, issuer, "bob", null)).status()).isEqualTo(200);
            assertThat(issuer.jwksFetches()).as("that request brought the new keys").isEqualTo(2);
            // Within the refetch interval, so the node answers from the keys it has: no fetch in between.
            assertUnauthorized(get("/orders", token));
            assertUnauthorized(get("/profile", token));
        }
    }

    @Test
    void unavailableKeysAreA401ThatSaysSo() throws Exception {
        TestIssuer gone = TestIssuer.start(vertx);
        String jwksUri = gone.jwksUri();
        String issuerName = gone.issuer();
        gone.close();
        serve(issuerName, jwksUri);

        Reply reply = get("/profile", sign(Tokens.rsaKey("k"), claims(issuerName, "a")));
        assertUnauthorized(reply);
        assertThat(new JsonObject(logLine(reply.header("X-Request-Id"))).getString("error")).isEqualTo("JWKS_UNAVAILABLE");
    }

    @Test
    void authorizationComesBeforeTheApiKey() throws Exception {
        try (TestIssuer issuer = TestIssuer.start(vertx)) {
            PublicJsonWebKey rsa = Tokens.rsaKey("rsa-1");
            issuer.publish(rsa);
            serve(issuer.issuer(), issuer.jwksUri());
            String token = "Bearer " + token(rsa, issuer, "dave", null);

            assertUnauthorized(client.get(HOST, "/prod/keyed", MultiMap.caseInsensitiveMultiMap()));
            assertUnauthorized(client.get(HOST, "/prod/keyed", MultiMap.caseInsensitiveMultiMap().add("x-api-key", "value-1")));
            Reply noKey = client.get(HOST, "/prod/keyed", MultiMap.caseInsensitiveMultiMap().add("Authorization", token));
            assertThat(noKey.status()).isEqualTo(403);
            assertThat(new JsonObject(logLine(noKey.header("X-Request-Id"))).getString("error")).isEqualTo("API_KEY_MISSING");
            Reply both = client.get(HOST, "/prod/keyed", MultiMap.caseInsensitiveMultiMap()
                    .add("Authorization", token).add("x-api-key", "value-1"));
            assertThat(both.status()).isEqualTo(200);
            JsonObject line = new JsonObject(logLine(both.header("X-Request-Id")));
            assertThat(line.getString("principal")).isEqualTo("dave");
            assertThat(line.getString("apiKeyId")).isEqualTo("k1");
        }
    }

    private static int eventually(Supplier<Integer> status, int wanted, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        int last = status.get();
        while (last != wanted && System.nanoTime() < deadline) {
            Thread.sleep(250);
            last = status.get();
        }
        return last;
    }
}
