package dev.portico.node;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.portico.node.pipeline.GatewayLimits;
import dev.portico.node.testing.Blocking;
import dev.portico.node.testing.InvokeServer;
import dev.portico.node.testing.RunningNode;
import dev.portico.node.testing.TestBackend;
import dev.portico.node.testing.TestIssuer;
import dev.portico.node.testing.Tokens;
import dev.portico.snapshot.AuthorizationType;
import dev.portico.snapshot.CustomAuthorizer;
import dev.portico.snapshot.FunctionIntegration;
import dev.portico.snapshot.Integration;
import dev.portico.snapshot.JwtAuthorizer;
import dev.portico.snapshot.Route;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.SocketAddress;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static dev.portico.node.testing.Snapshots.api;
import static dev.portico.node.testing.Snapshots.authorizedRoute;
import static dev.portico.node.testing.Snapshots.route;
import static dev.portico.node.testing.Snapshots.snapshot;
import static dev.portico.node.testing.Snapshots.stage;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * FUNCTION integrations through a real node, against functions nobody here wrote the reading side
 * of: handlers typed with AWS's event classes ({@code aws-lambda-java-events}), fed by the Lambda
 * Java runtime's serializer behind a loopback Invoke API ({@link InvokeServer}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FunctionIntegrationIT {

    private static final String API_ID = "fnit000001";
    private static final String HOST = API_ID + ".localhost";
    private static final long MAX_BODY = 64 * 1024;

    private final Vertx vertx = Vertx.vertx();
    private final AtomicReference<APIGatewayProxyRequestEvent> seenV1 = new AtomicReference<>();
    private final AtomicReference<APIGatewayV2HTTPEvent> seenV2 = new AtomicReference<>();
    private InvokeServer functions;
    private TestIssuer issuer;
    private PublicJsonWebKey signingKey;
    private TestBackend customAuthorizer;
    private RunningNode node;
    private HttpClient client;

    @BeforeAll
    void start(@TempDir Path dataDir) throws Exception {
        functions = InvokeServer.start(vertx);
        deployFunctions();
        issuer = TestIssuer.start(vertx);
        signingKey = Tokens.rsaKey("rsa-1");
        issuer.publish(signingKey);
        customAuthorizer = TestBackend.start(vertx, request -> request.response()
                .putHeader("Content-Type", "application/json")
                .end("{\"principalId\":\"user-7\",\"policyDocument\":{\"Statement\":[{\"Effect\":\"Allow\"}]},"
                        + "\"context\":{\"tenant\":\"acme\",\"level\":3}}"));
        node = RunningNode.start(NodeConfig.forTests(dataDir).withLimits(GatewayLimits.DEFAULT.withMaxBodyBytes(MAX_BODY)));
        client = vertx.createHttpClient();
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        List<Route> routes = List.of(
                route("POST /pets/{id}", "pets-v1"),
                route("ANY /files/{proxy+}", "files-v1"),
                authorizedRoute("GET /items/{id}", "items-v2", AuthorizationType.JWT, "authjwt001", false, "items:read"),
                route("POST /uploads", "uploads-v2"),
                route("GET /plain", "plain-v2"),
                route("GET /text", "text-v2"),
                route("GET /error-header", "error-header-v2"),
                route("GET /error-object", "error-object-v1"),
                route("GET /invalid-v1", "invalid-v1"),
                route("GET /not-json", "not-json-v2"),
                route("GET /status-500", "status-500-v2"),
                route("GET /slow", "slow-v2"),
                route("GET /huge", "huge-v2"),
                route("GET /unreachable", "unreachable"),
                authorizedRoute("GET /tenant/v1", "tenant-v1", AuthorizationType.CUSTOM, "authcustom1", false),
                authorizedRoute("GET /tenant/v2", "tenant-v2", AuthorizationType.CUSTOM, "authcustom1", false));
        List<Integration> integrations = List.of(
                function("pets-v1", "1.0"), function("files-v1", "1.0"), function("items-v2", "2.0"),
                function("uploads-v2", "2.0"), function("plain-v2", "2.0"), function("text-v2", "2.0"),
                function("error-header-v2", "2.0"), function("error-object-v1", "1.0"), function("invalid-v1", "1.0"),
                function("not-json-v2", "2.0"), function("status-500-v2", "2.0"), function("huge-v2", "2.0"),
                function("tenant-v1", "1.0"), function("tenant-v2", "2.0"),
                new FunctionIntegration("slow-v2", functions.uri("slow-v2"), "2.0", 300),
                new FunctionIntegration("unreachable",
                        "http://127.0.0.1:" + closedPort + "/2015-03-31/functions/gone/invocations", "2.0", 0));
        node.apply(snapshot(1, api(API_ID, stage("prod", Map.of("tier", "gold", "region", "test"), routes, integrations,
                List.of(new JwtAuthorizer("authjwt001", "issuer", issuer.issuer(), List.of(Tokens.AUDIENCE),
                        issuer.jwksUri(), null),
                        new CustomAuthorizer("authcustom1", "tenants", customAuthorizer.url() + "/authorize",
                                List.of("$request.header.Authorization"), 0, 2_000, false, null))))));
    }

    private FunctionIntegration function(String name, String version) {
        return new FunctionIntegration(name, functions.uri(name), version, 5_000);
    }

    @AfterAll
    void stop() {
        Blocking.await(client.close());
        node.close();
        customAuthorizer.close();
        issuer.close();
        functions.close();
        Blocking.await(vertx.close());
    }

    private void deployFunctions() {
        functions.deploy("pets-v1", APIGatewayProxyRequestEvent.class, APIGatewayProxyResponseEvent.class, event -> {
            seenV1.set(event);
            return new APIGatewayProxyResponseEvent()
                    .withStatusCode(201)
                    .withHeaders(Map.of("Content-Type", "application/json", "X-Pet", "rex", "Connection", "close"))
                    .withMultiValueHeaders(Map.of("X-Many", List.of("p", "q"), "X-Pet", List.of("rex")))
                    .withBody(new JsonObject().put("saw", event.getBody()).encode());
        });
        functions.deploy("files-v1", APIGatewayProxyRequestEvent.class, APIGatewayProxyResponseEvent.class, event -> {
            seenV1.set(event);
            byte[] got = event.getBody() == null ? new byte[0] : Base64.getDecoder().decode(event.getBody());
            return new APIGatewayProxyResponseEvent().withStatusCode(200)
                    .withHeaders(Map.of("Content-Type", "application/octet-stream"))
                    .withBody(Base64.getEncoder().encodeToString(reversed(got))).withIsBase64Encoded(true);
        });
        functions.deploy("items-v2", APIGatewayV2HTTPEvent.class, APIGatewayV2HTTPResponse.class, event -> {
            seenV2.set(event);
            return APIGatewayV2HTTPResponse.builder().withStatusCode(200)
                    .withHeaders(Map.of("Content-Type", "text/plain", "X-Item", event.getPathParameters().get("id")))
                    .withCookies(List.of("session=s1; Path=/; HttpOnly", "theme=dark"))
                    .withBody("item " + event.getPathParameters().get("id")).build();
        });
        functions.deploy("uploads-v2", APIGatewayV2HTTPEvent.class, APIGatewayV2HTTPResponse.class, event -> {
            seenV2.set(event);
            byte[] got = event.getIsBase64Encoded() ? Base64.getDecoder().decode(event.getBody()) : event.getBody().getBytes();
            return APIGatewayV2HTTPResponse.builder().withStatusCode(202)
                    .withHeaders(Map.of("Content-Type", "image/png"))
                    .withBody(Base64.getEncoder().encodeToString(reversed(got))).withIsBase64Encoded(true).build();
        });
        functions.deploy("tenant-v1", APIGatewayProxyRequestEvent.class, APIGatewayProxyResponseEvent.class, event -> {
            seenV1.set(event);
            return new APIGatewayProxyResponseEvent().withStatusCode(200).withBody("ok");
        });
        functions.deploy("tenant-v2", APIGatewayV2HTTPEvent.class, APIGatewayV2HTTPResponse.class, event -> {
            seenV2.set(event);
            return APIGatewayV2HTTPResponse.builder().withStatusCode(200).withBody("ok").build();
        });
        functions.deploy("plain-v2", (event, response) -> response.end("{\"hello\":\"world\"}"));
        functions.deploy("text-v2", (event, response) -> response.end("\"just text\""));
        functions.deploy("error-header-v2", (event, response) -> response.putHeader("X-Amz-Function-Error", "Unhandled")
                .end("{\"errorMessage\":\"boom\",\"errorType\":\"java.lang.IllegalStateException\"}"));
        functions.deploy("error-object-v1", (event, response) ->
                response.end("{\"errorMessage\":\"boom\",\"errorType\":\"RuntimeException\",\"stackTrace\":[]}"));
        functions.deploy("invalid-v1", (event, response) -> response.end("{\"body\":\"no status\"}"));
        functions.deploy("not-json-v2", (event, response) -> response.end("<html>oops</html>"));
        functions.deploy("status-500-v2", (event, response) -> response.setStatusCode(500).end("{\"statusCode\":200}"));
        functions.deploy("slow-v2", (event, response) -> vertx.setTimer(2_000, t -> response.end("{\"statusCode\":200}")));
        functions.deploy("huge-v2", (event, response) -> response.end("\"" + "x".repeat(7 * 1024 * 1024) + "\""));
    }

    private static byte[] reversed(byte[] bytes) {
        byte[] out = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            out[i] = bytes[bytes.length - 1 - i];
        }
        return out;
    }

    private static byte[] allBytes() {
        byte[] bytes = new byte[256];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) i;
        }
        return bytes;
    }

    /** A response with its body as bytes. */
    record Reply(int status, MultiMap headers, Buffer body) {
        String text() {
            return body.toString();
        }
    }

    private Reply send(HttpMethod method, String uri, MultiMap headers, Buffer body, boolean chunked) {
        Promise<Reply> reply = Promise.promise();
        vertx.getOrCreateContext().runOnContext(v -> client.request(new RequestOptions()
                        .setServer(SocketAddress.inetSocketAddress(node.gatewayPort(), "127.0.0.1"))
                        .setHost(HOST).setPort(node.gatewayPort()).setMethod(method).setURI(uri).setHeaders(headers))
                .compose(request -> {
                    request.setChunked(chunked);
                    return body == null ? request.send() : request.send(body);
                })
                .compose(response -> response.body().map(b -> new Reply(response.statusCode(),
                        MultiMap.caseInsensitiveMultiMap().addAll(response.headers()), b)))
                .onComplete(reply));
        return Blocking.await(reply.future());
    }

    private Reply get(String uri) {
        return send(HttpMethod.GET, uri, MultiMap.caseInsensitiveMultiMap(), null, false);
    }

    private JsonObject logLine(Reply reply) throws InterruptedException {
        String id = reply.headers().get("X-Request-Id");
        return new JsonObject(node.accessLog().await(line -> line.contains("\"requestId\":\"" + id + "\""),
                Duration.ofSeconds(5)));
    }

    @Test
    void aVersion1FunctionSeesTheRequestFieldByFieldAndItsResultReachesTheClient() throws Exception {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap()
                .add("Content-Type", "application/json").add("X-Multi", "a").add("X-Multi", "b")
                .add("User-Agent", "fn-test/1");
        Reply reply = send(HttpMethod.POST, "/prod/pets/42?color=red&color=blue&single=x%20y", headers,
                Buffer.buffer("{\"name\":\"Rex\"}"), false);

        APIGatewayProxyRequestEvent event = seenV1.get();
        assertThat(event.getHttpMethod()).isEqualTo("POST");
        assertThat(event.getResource()).isEqualTo("/pets/{id}");
        assertThat(event.getPath()).isEqualTo("/pets/42");
        assertThat(event.getPathParameters()).isEqualTo(Map.of("id", "42"));
        assertThat(event.getQueryStringParameters()).isEqualTo(Map.of("color", "blue", "single", "x y"));
        assertThat(event.getMultiValueQueryStringParameters())
                .isEqualTo(Map.of("color", List.of("red", "blue"), "single", List.of("x y")));
        assertThat(event.getHeaders()).containsEntry("X-Multi", "b").containsEntry("User-Agent", "fn-test/1")
                .containsEntry("X-Forwarded-For", "127.0.0.1").containsEntry("X-Forwarded-Proto", "http")
                .as("names as the client sent them").containsKey("host");
        assertThat(event.getMultiValueHeaders()).containsEntry("X-Multi", List.of("a", "b"));
        assertThat(event.getStageVariables()).isEqualTo(Map.of("tier", "gold", "region", "test"));
        assertThat(event.getBody()).isEqualTo("{\"name\":\"Rex\"}");
        assertThat(event.getIsBase64Encoded()).isFalse();
        APIGatewayProxyRequestEvent.ProxyRequestContext context = event.getRequestContext();
        assertThat(context.getStage()).isEqualTo("prod");
        assertThat(context.getApiId()).isEqualTo(API_ID);
        assertThat(context.getAccountId()).isEqualTo("000000000000");
        assertThat(context.getRequestId()).isEqualTo(reply.headers().get("X-Request-Id"));
        assertThat(context.getResourcePath()).isEqualTo("/pets/{id}");
        assertThat(context.getPath()).isEqualTo("/prod/pets/42");
        assertThat(context.getHttpMethod()).isEqualTo("POST");
        assertThat(context.getDomainName()).isEqualTo(HOST);
        assertThat(context.getDomainPrefix()).isEqualTo(API_ID);
        assertThat(context.getIdentity().getSourceIp()).isEqualTo("127.0.0.1");
        assertThat(context.getIdentity().getUserAgent()).isEqualTo("fn-test/1");
        assertThat(context.getRequestTimeEpoch()).isPositive();
        assertThat(context.getAuthorizer()).isNull();

        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.headers().getAll("X-Many")).containsExactly("p", "q");
        assertThat(reply.headers().getAll("X-Pet")).as("a value in both maps appears once").containsExactly("rex");
        assertThat(reply.headers().get("Connection")).as("hop-by-hop headers from the function are dropped").isNull();
        assertThat(reply.headers().get("Content-Type")).isEqualTo("application/json");
        assertThat(new JsonObject(reply.text()).getString("saw")).isEqualTo("{\"name\":\"Rex\"}");
        JsonObject line = logLine(reply);
        assertThat(line.getInteger("status")).isEqualTo(201);
        assertThat(line.getValue("integrationLatencyMs")).isInstanceOf(Number.class);
        assertThat(line.getValue("error")).isNull();
    }

    @Test
    void binaryBodiesTravelAsBase64BothWaysInVersion1AndAGreedyParameterIsCalledProxy() {
        Reply reply = send(HttpMethod.PUT, "/prod/files/a/b.png",
                MultiMap.caseInsensitiveMultiMap().add("Content-Type", "application/octet-stream"),
                Buffer.buffer(allBytes()), false);

        APIGatewayProxyRequestEvent event = seenV1.get();
        assertThat(event.getResource()).isEqualTo("/files/{proxy+}");
        assertThat(event.getPathParameters()).isEqualTo(Map.of("proxy", "a/b.png"));
        assertThat(event.getIsBase64Encoded()).isTrue();
        assertThat(Base64.getDecoder().decode(event.getBody())).isEqualTo(allBytes());
        assertThat(event.getQueryStringParameters()).as("null when none, as AWS").isNull();
        assertThat(event.getMultiValueQueryStringParameters()).isNull();
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().getBytes()).isEqualTo(reversed(allBytes()));
    }

    @Test
    void textThatIsNotUtf8IsSentAsBase64() {
        byte[] latin1 = {'c', 'a', 'f', (byte) 0xE9};
        send(HttpMethod.POST, "/prod/files/x.txt",
                MultiMap.caseInsensitiveMultiMap().add("Content-Type", "text/plain"), Buffer.buffer(latin1), false);
        assertThat(seenV1.get().getIsBase64Encoded()).isTrue();
        assertThat(Base64.getDecoder().decode(seenV1.get().getBody())).isEqualTo(latin1);
    }

    @Test
    void aVersion2FunctionSeesCookiesHeadersQueryAndJwtClaimsAndItsCookiesBecomeSetCookie() {
        JwtClaims claims = Tokens.claims(issuer.issuer(), "alice");
        claims.setClaim("scope", "items:read profile");
        MultiMap headers = MultiMap.caseInsensitiveMultiMap()
                .add("Authorization", "Bearer " + Tokens.sign(signingKey, claims))
                .add("Cookie", "a=1; b=2").add("Cookie", "c=3")
                .add("X-Multi", "a").add("X-Multi", "b").add("User-Agent", "fn-test/2");
        Reply reply = send(HttpMethod.GET, "/prod/items/7?color=red&color=blue&q=%C3%A9", headers, null, false);

        APIGatewayV2HTTPEvent event = seenV2.get();
        assertThat(event.getVersion()).isEqualTo("2.0");
        assertThat(event.getRouteKey()).isEqualTo("GET /items/{id}");
        assertThat(event.getRawPath()).isEqualTo("/prod/items/7");
        assertThat(event.getRawQueryString()).isEqualTo("color=red&color=blue&q=%C3%A9");
        assertThat(event.getCookies()).containsExactly("a=1", "b=2", "c=3");
        assertThat(event.getHeaders()).containsEntry("x-multi", "a,b").containsEntry("user-agent", "fn-test/2")
                .doesNotContainKey("cookie").doesNotContainKey("Cookie");
        assertThat(event.getQueryStringParameters()).isEqualTo(Map.of("color", "red,blue", "q", "é"));
        assertThat(event.getPathParameters()).isEqualTo(Map.of("id", "7"));
        assertThat(event.getStageVariables()).isEqualTo(Map.of("tier", "gold", "region", "test"));
        assertThat(event.getBody()).isNull();
        assertThat(event.getIsBase64Encoded()).isFalse();
        APIGatewayV2HTTPEvent.RequestContext context = event.getRequestContext();
        assertThat(context.getRouteKey()).isEqualTo("GET /items/{id}");
        assertThat(context.getStage()).isEqualTo("prod");
        assertThat(context.getApiId()).isEqualTo(API_ID);
        assertThat(context.getRequestId()).isEqualTo(reply.headers().get("X-Request-Id"));
        assertThat(context.getHttp().getMethod()).isEqualTo("GET");
        assertThat(context.getHttp().getPath()).isEqualTo("/prod/items/7");
        assertThat(context.getHttp().getProtocol()).isEqualTo("HTTP/1.1");
        assertThat(context.getHttp().getSourceIp()).isEqualTo("127.0.0.1");
        assertThat(context.getHttp().getUserAgent()).isEqualTo("fn-test/2");
        assertThat(context.getTimeEpoch()).isPositive();
        assertThat(context.getAuthorizer().getJwt().getClaims()).containsEntry("sub", "alice")
                .containsEntry("iss", issuer.issuer());
        assertThat(context.getAuthorizer().getJwt().getScopes()).containsExactly("items:read", "profile");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.text()).isEqualTo("item 7");
        assertThat(reply.headers().get("X-Item")).isEqualTo("7");
        assertThat(reply.headers().getAll("Set-Cookie")).containsExactly("session=s1; Path=/; HttpOnly", "theme=dark");
    }

    @Test
    void aCustomAuthorizersContextReachesTheFunctionInBothVersions() {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap().add("Authorization", "let-me-in");
        assertThat(send(HttpMethod.GET, "/prod/tenant/v1", headers, null, false).status()).isEqualTo(200);
        assertThat(seenV1.get().getRequestContext().getAuthorizer())
                .containsEntry("principalId", "user-7").containsEntry("tenant", "acme").containsEntry("level", 3);

        assertThat(send(HttpMethod.GET, "/prod/tenant/v2", headers, null, false).status()).isEqualTo(200);
        assertThat(seenV2.get().getRequestContext().getAuthorizer().getLambda())
                .containsEntry("tenant", "acme").containsEntry("level", 3);
        assertThat(seenV2.get().getRequestContext().getAuthorizer().getJwt()).isNull();
    }

    @Test
    void binaryBodiesTravelAsBase64BothWaysInVersion2() {
        Reply reply = send(HttpMethod.POST, "/prod/uploads",
                MultiMap.caseInsensitiveMultiMap().add("Content-Type", "image/png"), Buffer.buffer(allBytes()), false);
        assertThat(seenV2.get().getIsBase64Encoded()).isTrue();
        assertThat(Base64.getDecoder().decode(seenV2.get().getBody())).isEqualTo(allBytes());
        assertThat(seenV2.get().getCookies()).as("left out when none").isNull();
        assertThat(reply.status()).isEqualTo(202);
        assertThat(reply.headers().get("Content-Type")).isEqualTo("image/png");
        assertThat(reply.body().getBytes()).isEqualTo(reversed(allBytes()));

        Reply json = send(HttpMethod.POST, "/prod/uploads",
                MultiMap.caseInsensitiveMultiMap().add("Content-Type", "application/json; charset=utf-8"),
                Buffer.buffer("{\"a\":1}"), false);
        assertThat(seenV2.get().getIsBase64Encoded()).isFalse();
        assertThat(seenV2.get().getBody()).isEqualTo("{\"a\":1}");
        assertThat(new String(json.body().getBytes())).isEqualTo("}1:\"a\"{");
    }

    @Test
    void aVersion2ResultWithoutStatusCodeIsA200WithThatJsonAndAStringIsTheBody() {
        Reply plain = get("/prod/plain");
        assertThat(plain.status()).isEqualTo(200);
        assertThat(plain.headers().get("Content-Type")).isEqualTo("application/json");
        assertThat(plain.text()).isEqualTo("{\"hello\":\"world\"}");
        Reply text = get("/prod/text");
        assertThat(text.status()).isEqualTo(200);
        assertThat(text.text()).isEqualTo("just text");
    }

    @Test
    void functionErrorsAndInvalidResultsAre502InternalServerError() throws Exception {
        for (String[] failure : List.of(
                new String[] {"/prod/error-header", "FUNCTION_ERROR"},
                new String[] {"/prod/error-object", "FUNCTION_ERROR"},
                new String[] {"/prod/status-500", "FUNCTION_ERROR"},
                new String[] {"/prod/huge", "FUNCTION_ERROR"},
                new String[] {"/prod/invalid-v1", "FUNCTION_RESULT_INVALID"},
                new String[] {"/prod/not-json", "FUNCTION_RESULT_INVALID"})) {
            Reply reply = get(failure[0]);
            assertThat(reply.status()).as(failure[0]).isEqualTo(502);
            assertThat(reply.text()).as(failure[0]).isEqualTo("{\"message\":\"Internal Server Error\"}");
            JsonObject line = logLine(reply);
            assertThat(line.getInteger("status")).isEqualTo(502);
            assertThat(line.getString("error")).as(failure[0]).isEqualTo(failure[1]);
            assertThat(line.getValue("integrationLatencyMs")).as(failure[0]).isInstanceOf(Number.class);
        }
    }

    @Test
    void aSlowFunctionIs504AndAnUnreachableOne502() throws Exception {
        Reply slow = get("/prod/slow");
        assertThat(slow.status()).isEqualTo(504);
        assertThat(slow.text()).isEqualTo("{\"message\":\"Endpoint request timed out\"}");
        JsonObject line = logLine(slow);
        assertThat(line.getString("error")).isEqualTo("INTEGRATION_TIMEOUT");
        assertThat(line.getDouble("integrationLatencyMs")).isBetween(290.0, 1_900.0);

        Reply unreachable = get("/prod/unreachable");
        assertThat(unreachable.status()).isEqualTo(502);
        assertThat(unreachable.text()).isEqualTo("{\"message\":\"Bad Gateway\"}");
        assertThat(logLine(unreachable).getString("error")).isEqualTo("INTEGRATION_UNREACHABLE");
    }

    @Test
    void aBodyOverTheLimitIs413WithoutCallingTheFunction() throws Exception {
        int before = functions.events().size();
        Buffer big = Buffer.buffer(new byte[(int) MAX_BODY + 1]);
        Reply chunked = send(HttpMethod.POST, "/prod/uploads",
                MultiMap.caseInsensitiveMultiMap().add("Content-Type", "image/png"), big, true);
        assertThat(chunked.status()).isEqualTo(413);
        assertThat(logLine(chunked).getString("error")).isEqualTo("BODY_TOO_LARGE");
        assertThat(functions.events()).hasSize(before);
    }
}
