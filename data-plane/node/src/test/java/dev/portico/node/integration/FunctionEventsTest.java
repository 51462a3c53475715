package dev.portico.node.integration;

import dev.portico.node.authorize.Authorized;
import dev.portico.snapshot.AuthorizationType;
import dev.portico.snapshot.RouteKey;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The events the node writes for one fixed request, compared with {@code src/test/resources/events/}
 * (field order included). After a deliberate change, rewrite them with
 * {@code ./mvnw -q -pl data-plane/node -am test -Dtest=FunctionEventsTest -Dsurefire.failIfNoSpecifiedTests=false -Devents.write=true}
 * and read the diff.
 */
class FunctionEventsTest {

    private static final Path EVENTS = Path.of("src/test/resources/events");
    /** 2026-12-07T11:30:00.123Z */
    private static final long TIME = 1796643000123L;

    private static MultiMap headers() {
        return MultiMap.caseInsensitiveMultiMap()
                .add("Host", "fnapi00001.localhost:8000")
                .add("User-Agent", "curl/8.5.0")
                .add("Accept", "application/json")
                .add("X-Multi", "a")
                .add("X-Multi", "b")
                .add("Cookie", "session=s1; theme=dark")
                .add("X-Forwarded-For", "192.0.2.7")
                .add("X-Forwarded-Proto", "http");
    }

    private static FunctionRequest request(String method, String rawPath, String query, MultiMap headers,
                                           Map<String, String> pathParameters, Authorized authorized, Buffer body) {
        return new FunctionRequest(method, rawPath, query, "HTTP/1.1", headers, "192.0.2.7",
                "f3c5a1e2b7d94c1e8a6f0b2d4c6e8a10", TIME, pathParameters, authorized, body);
    }

    /** GET /prod/pets/42 on a JWT route, payload 1.0. */
    static Buffer version1() {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", "alice");
        claims.put("iss", "https://issuer.example/realms/pets");
        claims.put("scope", "pets:read pets:write");
        claims.put("aud", "[\"pets-api\",\"admin-api\"]");
        FunctionRoute route = FunctionRoute.of("fnapi00001", "prod", "rt-fn-get", RouteKey.parse("GET /pets/{id}"),
                AuthorizationType.JWT, Map.of("tier", "gold", "color", "blue"));
        return PayloadFormat.V1_0.event(route, request("GET", "/prod/pets/42", "color=red&color=blue&page=2", headers(),
                Map.of("id", "42"), new Authorized("alice", claims, Map.of()), Buffer.buffer()));
    }

    /** POST /prod/pets with a JSON body on a custom-authorizer route, payload 2.0. */
    static Buffer version2() {
        Map<String, Object> context = Map.of("tenant", "acme", "level", 3, "admin", false);
        FunctionRoute route = FunctionRoute.of("fnapi00001", "prod", "rt-fn-post", RouteKey.parse("POST /pets"),
                AuthorizationType.CUSTOM, Map.of("tier", "gold"));
        MultiMap headers = headers().add("Content-Type", "application/json").add("Cookie", "lang=en");
        return PayloadFormat.V2_0.event(route, request("POST", "/prod/pets", "store=main&store=annex&q=%C3%A9+x", headers,
                Map.of(), new Authorized("user-7", Map.of(), context), Buffer.buffer("{\"name\":\"Rex\"}")));
    }

    @Test
    void version1EventIsTheGoldenOne() throws IOException {
        assertGolden("payload-1.0.json", version1());
    }

    @Test
    void version2EventIsTheGoldenOne() throws IOException {
        assertGolden("payload-2.0.json", version2());
    }

    private static void assertGolden(String name, Buffer event) throws IOException {
        String pretty = new JsonObject(event).encodePrettily() + "\n";
        Path file = EVENTS.resolve(name);
        if (Boolean.getBoolean("events.write")) {
            Files.writeString(file, pretty);
        }
        // the source file, not the class-path copy, which predates a rewrite
        assertThat(pretty).as(name).isEqualTo(Files.readString(file));
    }

    @Test
    void absentPartsAreNullInVersion1AndLeftOutInVersion2() {
        FunctionRoute route = FunctionRoute.of("a", "$default", "r", RouteKey.parse("$default"), AuthorizationType.NONE,
                Map.of());
        FunctionRequest bare = request("GET", "/x", null, MultiMap.caseInsensitiveMultiMap(), Map.of(), Authorized.ANONYMOUS,
                Buffer.buffer());
        JsonObject v1 = new JsonObject(PayloadFormat.V1_0.event(route, bare));
        for (String field : List.of("queryStringParameters", "multiValueQueryStringParameters", "pathParameters",
                "stageVariables", "body", "headers", "multiValueHeaders")) {
            assertThat(v1.containsKey(field)).as(field).isTrue();
            assertThat(v1.getValue(field)).as(field).isNull();
        }
        assertThat(v1.getString("resource")).isEqualTo("$default");
        assertThat(v1.getString("path")).as("$default stage: the whole path").isEqualTo("/x");
        assertThat(v1.getJsonObject("requestContext").containsKey("authorizer")).isFalse();
        assertThat(v1.getJsonObject("requestContext").getString("stage")).isEqualTo("$default");

        JsonObject v2 = new JsonObject(PayloadFormat.V2_0.event(route, bare));
        assertThat(v2.fieldNames()).containsExactly("version", "routeKey", "rawPath", "rawQueryString", "requestContext",
                "isBase64Encoded");
        assertThat(v2.getString("routeKey")).isEqualTo("$default");
        assertThat(v2.getString("rawQueryString")).isEmpty();
    }

    @Test
    void theStageSegmentIsNotPartOfTheVersion1Path() {
        FunctionRoute route = FunctionRoute.of("a", "prod", "r", RouteKey.parse("ANY /{proxy+}"), AuthorizationType.NONE,
                Map.of());
        assertThat(route.routedPath("/prod/a/b")).isEqualTo("/a/b");
        assertThat(route.routedPath("/prod")).isEqualTo("/");
        assertThat(route.routedPath("/production/a")).isEqualTo("/production/a");
        assertThat(route.resourcePath()).isEqualTo("/{proxy+}");
    }

    @Test
    void scopesComeFromScopeAndScpAndAreNullWithoutEither() {
        assertThat(EventJson.scopes(Map.of("scope", "a b"))).containsExactly("a", "b");
        assertThat(EventJson.scopes(Map.of("scp", "[\"c\",\"d\"]"))).containsExactly("c", "d");
        assertThat(EventJson.scopes(Map.of("sub", "x"))).isNull();
    }
}
