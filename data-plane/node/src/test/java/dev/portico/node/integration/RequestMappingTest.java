package dev.portico.node.integration;

import dev.portico.node.authorize.Authorized;
import dev.portico.node.pipeline.Exchange;
import dev.portico.node.pipeline.GatewayLimits;
import dev.portico.node.routing.ParamSlot;
import dev.portico.node.routing.PathParameters;
import dev.portico.node.routing.RequestPath;
import dev.portico.node.routing.RouteTable;
import dev.portico.node.snapshot.CompiledApi;
import dev.portico.node.snapshot.CompiledRoute;
import dev.portico.node.snapshot.CompiledSnapshot;
import dev.portico.node.snapshot.CompiledStage;
import dev.portico.node.testing.Blocking;
import dev.portico.snapshot.RouteKey;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Mapping evaluation against a real request (an exchange needs one: a small server on loopback
 * builds it), with the exchange's authorization filled in as the authorize step will.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RequestMappingTest {

    private static final String ROUTE_KEY = "GET /users/{id}";
    private static final List<ParamSlot> SLOTS = slots();

    private final Vertx vertx = Vertx.vertx();
    private final HttpClient http = HttpClient.newHttpClient();
    private HttpServer server;
    private volatile RequestMapping mapping;
    private volatile Authorized authorized = Authorized.ANONYMOUS;
    /** What the mapping made of the last request: the target and the headers. */
    private volatile String target;
    private volatile MultiMap headers;

    @BeforeAll
    void start() {
        server = vertx.createHttpServer().requestHandler(request -> {
            Exchange exchange = new Exchange(request, CompiledSnapshot.NONE, "req-1", GatewayLimits.DEFAULT);
            CompiledStage stage = new CompiledStage("prod", "dep", RouteTable.<CompiledRoute>builder().build(), Map.of());
            exchange.api(new CompiledApi("api1", null, Map.of("prod", stage), null));
            exchange.stage(stage);
            try {
                exchange.route(new CompiledRoute("r1", ROUTE_KEY, SLOTS, new MissingIntegration(), "api1", "prod", false, null, null),
                        new PathParameters(SLOTS, RequestPath.parse(request.path()), 1));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            exchange.authorized(authorized);
            MultiMap out = HttpHeaders.headers().add("X-Forwarded-For", "1.2.3.4").add("X-User", "from-client");
            mapping.applyHeaders(exchange, out);
            headers = out;
            target = mapping.applyTarget(exchange, "/backend?a=1");
            request.response().end();
        });
        Blocking.await(server.listen(0, "127.0.0.1"));
    }

    @AfterAll
    void stop() {
        Blocking.await(server.close());
        Blocking.await(vertx.close());
    }

    private static List<ParamSlot> slots() {
        try {
            return ParamSlot.of(RouteKey.parse(ROUTE_KEY));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void send(Map<String, String> parameters, String path, String... headerPairs) throws Exception {
        mapping = RequestMapping.compile(parameters, Map.of("env", "blue"), SLOTS);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.actualPort() + path));
        for (int i = 0; i < headerPairs.length; i += 2) {
            request.header(headerPairs[i], headerPairs[i + 1]);
        }
        assertThat(http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(200);
    }

    @Test
    void claimsPrincipalAndContextComeFromTheAuthorizedExchange() throws Exception {
        authorized = new Authorized("user-7", Map.of("sub", "user-7", "groups", List.of("a", "b")), Map.of("tenant", "acme"));
        try {
            send(Map.of("overwrite:header.X-User", "$context.authorizer.claims.sub",
                    "overwrite:header.X-Groups", "$context.authorizer.claims.groups",
                    "overwrite:header.X-Principal", "${context.authorizer.principalId}",
                    "overwrite:header.X-Tenant", "t=$context.authorizer.tenant"), "/prod/users/1");
        } finally {
            authorized = Authorized.ANONYMOUS;
        }

        assertThat(headers.getAll("X-User")).containsExactly("user-7");
        assertThat(headers.get("X-Groups")).isEqualTo("a,b");
        assertThat(headers.get("X-Principal")).isEqualTo("user-7");
        assertThat(headers.get("X-Tenant")).isEqualTo("t=acme");
    }

    @Test
    void anOverwriteWhoseReferencesAreAllMissingRemovesEvenWithLiteralText() throws Exception {
        send(Map.of("overwrite:header.X-User", "user=$context.authorizer.claims.sub",
                "append:header.X-Forwarded-For", "$request.header.X-Missing",
                "overwrite:header.X-Fixed", "literal"), "/prod/users/1");

        assertThat(headers.contains("X-User")).isFalse();
        assertThat(headers.getAll("X-Forwarded-For")).containsExactly("1.2.3.4");
        assertThat(headers.get("X-Fixed")).isEqualTo("literal");
    }

    @Test
    void requestAndContextReferencesResolve() throws Exception {
        send(Map.of("overwrite:header.X-A", "$request.header.X-In|$request.querystring.q|$request.path.id",
                "overwrite:header.X-B", "$request.path $context.path $context.httpMethod",
                "overwrite:header.X-C", "$context.requestId $context.apiId $context.stage $stageVariables.env",
                "overwrite:header.X-D", "$context.identity.sourceIp $context.identity.userAgent",
                "overwrite:header.X-E", "$context.domainName $context.requestTimeEpoch",
                "overwrite:header.X-F", "$context.requestTime"),
                "/prod/users/a%20b?q=x%26y", "X-In", "in", "User-Agent", "probe/1");

        assertThat(headers.get("X-A")).isEqualTo("in|x&y|a b");
        assertThat(headers.get("X-B")).isEqualTo("/users/a%20b /prod/users/a%20b GET");
        assertThat(headers.get("X-C")).isEqualTo("req-1 api1 prod blue");
        assertThat(headers.get("X-D")).isEqualTo("127.0.0.1 probe/1");
        assertThat(headers.get("X-E")).matches("127\\.0\\.0\\.1 \\d{13}");
        assertThat(headers.get("X-F")).matches("\\d\\d/[A-Z][a-z]{2}/\\d{4}:\\d\\d:\\d\\d:\\d\\d \\+0000");
    }

    @Test
    void aValueThatWouldSplitAHeaderIsNothing() throws Exception {
        authorized = new Authorized("p", Map.of("sub", "a\r\nX-Admin: yes"), Map.of());
        try {
            send(Map.of("overwrite:header.X-User", "$context.authorizer.claims.sub"), "/prod/users/1");
        } finally {
            authorized = Authorized.ANONYMOUS;
        }

        assertThat(headers.contains("X-User")).isFalse();
        assertThat(headers.contains("X-Admin")).isFalse();
    }

    @Test
    void pathValuesAreEncodedOneSegmentEachAndDotSegmentsAreRefused() throws Exception {
        send(Map.of("overwrite:path", "/v2/$request.header.X-Seg/$request.path.id"), "/prod/users/a%2Fb", "X-Seg", "x/y z");
        assertThat(target).isEqualTo("/v2/x%2Fy%20z/a%2Fb?a=1");

        send(Map.of("overwrite:path", "/v2/$request.header.X-Seg"), "/prod/users/1", "X-Seg", "..");
        assertThat(target).as("a dot segment would climb out").isNull();

        send(Map.of("overwrite:path", "/v2/$request.header.X-Missing"), "/prod/users/1");
        assertThat(target).as("nothing: the integration's path stays").isEqualTo("/backend?a=1");
    }

    @Test
    void queryEditsCompareDecodedNamesAndEncodeValues() throws Exception {
        send(Map.of("overwrite:querystring.a", "$request.header.X-V", "append:querystring.b c", "1&2"), "/prod/users/1",
                "X-V", "x=y");

        assertThat(target).isEqualTo("/backend?a=x%3Dy&b%20c=1%262");
    }

    @Test
    void badMappingsAreRefusedWhenCompiling() {
        assertThatThrownBy(() -> RequestMapping.compile(Map.of("overwrite:header.Host", "x"), Map.of(), SLOTS))
                .hasMessageContaining("requestParameters overwrite:header.Host");
        assertThatThrownBy(() -> RequestMapping.compile(Map.of("overwrite:path", "/a?b=1"), Map.of(), SLOTS))
                .hasMessageContaining("'?'");
    }
}
