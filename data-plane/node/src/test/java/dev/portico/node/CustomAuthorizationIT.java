package dev.portico.node;

import dev.portico.node.testing.Blocking;
import dev.portico.node.testing.GatewayClient;
import dev.portico.node.testing.GatewayClient.Reply;
import dev.portico.node.testing.RunningNode;
import dev.portico.node.testing.TestBackend;
import dev.portico.snapshot.Api;
import dev.portico.snapshot.AuthorizationType;
import dev.portico.snapshot.Authorizer;
import dev.portico.snapshot.CustomAuthorizer;
import dev.portico.snapshot.Route;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.portico.node.testing.Snapshots.api;
import static dev.portico.node.testing.Snapshots.authorizedRoute;
import static dev.portico.node.testing.Snapshots.mock;
import static dev.portico.node.testing.Snapshots.snapshot;
import static dev.portico.node.testing.Snapshots.stage;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Custom (Lambda-style, payload 2.0) authorizers on a real node, calling a real authorizer on loopback
 * that decides by the token it is given ("allow-…", "deny-…", "fail-500", "garbage", "nobool",
 * "slow") and counts its calls. Each test uses tokens of its own, so cached answers never meet.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CustomAuthorizationIT {

    private static final String API_ID = "cusapi0001";
    private static final String HOST = API_ID + ".localhost";

    private final Vertx vertx = Vertx.vertx();
    private RunningNode node;
    private GatewayClient client;
    private final List<String> events = new CopyOnWriteArrayList<>();
    private HttpServer authorizer;

    @BeforeAll
    void start(@TempDir Path dataDir) throws Exception {
        node = RunningNode.start(dataDir);
        client = new GatewayClient(vertx, node.gatewayPort());
        authorizer = vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
            events.add(body.toString());
            decide(request, body.toString());
        }));
        Blocking.await(authorizer.listen(0, "127.0.0.1"));
        TestBackend down = TestBackend.ok(vertx);
        String downUri = down.url() + "/authorize";
        down.close();
        String uri = "http://127.0.0.1:" + authorizer.actualPort() + "/authorize";
        List<Authorizer> authorizers = List.of(
                new CustomAuthorizer("simple", "simple", uri, List.of("$request.header.Authorization"), 300, 500, true, null),
                new CustomAuthorizer("policy", "policy", uri, List.of("$request.header.Authorization",
                        "$request.querystring.tenant"), 0, 500, false, null),
                new CustomAuthorizer("down", "down", downUri, List.of("$request.header.Authorization"), 300, 500, true, null));
        List<Route> routes = List.of(
                authorizedRoute("GET /simple/{id}", "ok", AuthorizationType.CUSTOM, "simple", false),
                authorizedRoute("GET /policy", "ok", AuthorizationType.CUSTOM, "policy", false),
                authorizedRoute("GET /down", "ok", AuthorizationType.CUSTOM, "down", false),
                authorizedRoute("GET /keyed", "ok", AuthorizationType.CUSTOM, "simple", true));
        Api api = api(API_ID, stage("prod", Map.of("region", "eu"), routes, List.of(mock("ok", 200, "{\"ok\":true}")),
                authorizers));
        node.apply(snapshot(1, api));
    }

    @AfterAll
    void stop() {
        client.close();
        Blocking.await(authorizer.close());
        node.close();
        Blocking.await(vertx.close());
    }

    /** The authorizer's behaviour, chosen by the first identity-source value. */
    private static void decide(HttpServerRequest request, String body) {
        {
            String token = new JsonObject(body).getJsonArray("identitySource").getString(0);
            String kind = token.substring(0, token.indexOf('-') < 0 ? token.length() : token.indexOf('-'));
            var response = request.response().putHeader("Content-Type", "application/json");
            switch (kind) {
                case "allow" -> response.end(new JsonObject().put("isAuthorized", true)
                        .put("context", new JsonObject().put("tenant", "acme")).encode());
                case "deny" -> response.end("{\"isAuthorized\":false}");
                case "pallow" -> response.end(policy("Allow"));
                case "pdeny" -> response.end(policy("Deny"));
                case "fail" -> response.setStatusCode(500).end("{\"isAuthorized\":true}");
                case "garbage" -> response.end("<html>oops</html>");
                case "nobool" -> response.end("{\"context\":{}}");
                case "slow" -> Vertx.currentContext().owner().setTimer(2_000, t -> response.end("{\"isAuthorized\":true}"));
                case "lagging" -> Vertx.currentContext().owner().setTimer(300, t -> response.end("{\"isAuthorized\":true}"));
                default -> response.setStatusCode(400).end();
            }
        }
    }

    private static String policy(String effect) {
        return "{\"principalId\":\"user-42\",\"policyDocument\":{\"Version\":\"2012-10-17\",\"Statement\":[{\"Action\":"
                + "\"execute-api:Invoke\",\"Effect\":\"" + effect + "\",\"Resource\":\"*\"}]},\"context\":{\"plan\":\"gold\"}}";
    }

    @Test
    void anAllowIsCachedForTheTtlAndTheEventHasTheV2Shape() throws Exception {
        String token = token("allow");
        Reply ok = client.get(HOST, "/prod/simple/42?tenant=a&tenant=b&x=1", MultiMap.caseInsensitiveMultiMap()
                .add("Authorization", token).add("X-Multi", "one").add("X-Multi", "two")
                .add("Cookie", "a=1; b=2").add("User-Agent", "it-agent"));
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.body()).isEqualTo("{\"ok\":true}");
        assertThat(calls(token)).isEqualTo(1);

        JsonObject event = lastEvent();
        assertThat(event.getString("version")).isEqualTo("2.0");
        assertThat(event.getString("type")).isEqualTo("REQUEST");
        assertThat(event.getString("routeKey")).isEqualTo("GET /simple/{id}");
        assertThat(event.getString("routeArn")).endsWith(API_ID + "/prod/GET/prod/simple/42");
        assertThat(event.getJsonArray("identitySource").getList()).containsExactly(token);
        assertThat(event.getString("rawPath")).isEqualTo("/prod/simple/42");
        assertThat(event.getString("rawQueryString")).isEqualTo("tenant=a&tenant=b&x=1");
        assertThat(event.getJsonArray("cookies").getList()).containsExactly("a=1", "b=2");
        assertThat(event.getJsonObject("headers").getString("x-multi")).isEqualTo("one,two");
        assertThat(event.getJsonObject("headers").getString("authorization")).isEqualTo(token);
        assertThat(event.getJsonObject("headers").containsKey("cookie")).isFalse();
        assertThat(event.getJsonObject("queryStringParameters").getMap()).containsEntry("tenant", "a,b").containsEntry("x", "1");
        assertThat(event.getJsonObject("pathParameters").getMap()).containsExactly(Map.entry("id", "42"));
        assertThat(event.getJsonObject("stageVariables").getMap()).containsExactly(Map.entry("region", "eu"));
        JsonObject context = event.getJsonObject("requestContext");
        assertThat(context.getString("apiId")).isEqualTo(API_ID);
        assertThat(context.getString("stage")).isEqualTo("prod");
        assertThat(context.getString("requestId")).isEqualTo(ok.header("X-Request-Id"));
        assertThat(context.getString("domainName")).isEqualTo(HOST);
        assertThat(context.getLong("timeEpoch")).isPositive();
        assertThat(context.getString("time")).matches("\\d{2}/\\w{3}/\\d{4}:\\d{2}:\\d{2}:\\d{2} \\+0000");
        JsonObject http = context.getJsonObject("http");
        assertThat(http.getString("method")).isEqualTo("GET");
        assertThat(http.getString("path")).isEqualTo("/prod/simple/42");
        assertThat(http.getString("protocol")).isEqualTo("HTTP/1.1");
        assertThat(http.getString("sourceIp")).isEqualTo("127.0.0.1");
        assertThat(http.getString("userAgent")).isEqualTo("it-agent");

        assertThat(get("/prod/simple/43", token).status()).isEqualTo(200);
        assertThat(calls(token)).as("the second call within the TTL did not reach the authorizer").isEqualTo(1);
        String other = token("allow");
        assertThat(get("/prod/simple/43", other).status()).isEqualTo(200);
        assertThat(calls(other)).as("other identity values: another call").isEqualTo(1);
    }

    @Test
    void aDenyIsA403AndIsCachedToo() throws Exception {
        String token = token("deny");
        Reply denied = get("/prod/simple/1", token);
        assertThat(denied.status()).isEqualTo(403);
        assertThat(denied.body()).isEqualTo("{\"message\":\"Forbidden\"}");
        assertThat(denied.header("WWW-Authenticate")).isNull();
        assertThat(error(denied)).isEqualTo("CUSTOM_DENIED");
        assertThat(get("/prod/simple/1", token).status()).isEqualTo(403);
        assertThat(calls(token)).isEqualTo(1);
    }

    @Test
    void anAbsentOrEmptyIdentitySourceIsA401WithoutACall() throws Exception {
        int before = events.size();
        Reply absent = get("/prod/simple/1", null);
        assertThat(absent.status()).isEqualTo(401);
        assertThat(absent.body()).isEqualTo("{\"message\":\"Unauthorized\"}");
        assertThat(error(absent)).isEqualTo("CUSTOM_IDENTITY_MISSING");
        assertThat(get("/prod/simple/1", "").status()).isEqualTo(401);
        assertThat(get("/prod/policy", token("pallow")).status()).as("the second source (query) is absent").isEqualTo(401);
        assertThat(events).hasSize(before);
    }

    @Test
    void failingAuthorizersAre500AndNeverCached() throws Exception {
        for (String kind : List.of("fail", "garbage", "nobool", "slow")) {
            String token = token(kind);
            Reply reply = get("/prod/simple/1", token);
            assertThat(reply.status()).as(kind).isEqualTo(500);
            assertThat(reply.body()).isEqualTo("{\"message\":\"Internal Server Error\"}");
            assertThat(error(reply)).isEqualTo("CUSTOM_AUTHORIZER_FAILED");
            assertThat(get("/prod/simple/1", token).status()).as(kind).isEqualTo(500);
            assertThat(calls(token)).as(kind + ": failures are not cached").isEqualTo(2);
        }
        Reply down = get("/prod/down", token("allow"));
        assertThat(down.status()).isEqualTo(500);
        assertThat(error(down)).isEqualTo("CUSTOM_AUTHORIZER_FAILED");
        assertThat(client.getStatus(node.statusPort(), "/metrics")).containsPattern("portico_requests_rejected_total\\{api=\""
                + API_ID + "\",reason=\"custom_authorizer_failed\",route=\"GET /down\",stage=\"prod\"} 1");
    }

    @Test
    void iamPoliciesAllowOrDenyAndNameThePrincipal() throws Exception {
        String allow = token("pallow");
        Reply ok = get("/prod/policy?tenant=t1", allow);
        assertThat(ok.status()).isEqualTo(200);
        String id = ok.header("X-Request-Id");
        String line = node.accessLog().await(l -> l.contains("\"requestId\":\"" + id + "\""), Duration.ofSeconds(5));
        assertThat(new JsonObject(line).getString("principal")).isEqualTo("user-42");
        assertThat(get("/prod/policy?tenant=t1", allow).status()).isEqualTo(200);
        assertThat(calls(allow)).as("resultTtlSeconds 0: every request asks").isEqualTo(2);
        assertThat(lastEvent().getJsonArray("identitySource").getList())
                .containsExactly(allow, "t1");

        Reply denied = get("/prod/policy?tenant=t1", token("pdeny"));
        assertThat(denied.status()).isEqualTo(403);
        assertThat(error(denied)).isEqualTo("CUSTOM_DENIED");
    }

    @Test
    void identicalRequestsArrivingTogetherShareOneCall() {
        String token = token("lagging");
        List<Reply> replies = client.getAtOnce(8, HOST, "/prod/simple/1",
                MultiMap.caseInsensitiveMultiMap().add("Authorization", token));
        assertThat(replies).allSatisfy(reply -> assertThat(reply.status()).isEqualTo(200));
        assertThat(calls(token)).isEqualTo(1);
    }

    @Test
    void authorizationComesBeforeTheApiKey() throws Exception {
        Reply noIdentity = client.get(HOST, "/prod/keyed", MultiMap.caseInsensitiveMultiMap());
        assertThat(noIdentity.status()).isEqualTo(401);
        Reply noKey = get("/prod/keyed", token("allow"));
        assertThat(noKey.status()).isEqualTo(403);
        assertThat(error(noKey)).isEqualTo("API_KEY_MISSING");
    }

    private Reply get(String uri, String authorization) {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        if (authorization != null) {
            headers.add("Authorization", authorization);
        }
        return client.get(HOST, uri, headers);
    }

    private long calls(String token) {
        return events.stream()
                .filter(r -> new JsonObject(r).getJsonArray("identitySource").getString(0).equals(token)).count();
    }

    private JsonObject lastEvent() {
        return new JsonObject(events.get(events.size() - 1));
    }

    private static String token(String kind) {
        return kind + "-" + UUID.randomUUID();
    }

    private String error(Reply reply) throws InterruptedException {
        String id = reply.header("X-Request-Id");
        return new JsonObject(node.accessLog().await(line -> line.contains("\"requestId\":\"" + id + "\""),
                Duration.ofSeconds(5))).getString("error");
    }
}
