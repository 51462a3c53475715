package dev.portico.node;

import dev.portico.node.testing.Blocking;
import dev.portico.node.testing.GatewayClient;
import dev.portico.node.testing.GatewayClient.Reply;
import dev.portico.node.testing.RunningNode;
import dev.portico.node.testing.TestBackend;
import dev.portico.snapshot.Integration;
import dev.portico.snapshot.Route;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static dev.portico.node.testing.Snapshots.api;
import static dev.portico.node.testing.Snapshots.mappedProxy;
import static dev.portico.node.testing.Snapshots.route;
import static dev.portico.node.testing.Snapshots.snapshot;
import static dev.portico.node.testing.Snapshots.stage;
import static org.assertj.core.api.Assertions.assertThat;

/** Request parameter mapping on a real node: what a real backend receives. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ParameterMappingIT {

    private static final String HOST = "mapped0001.localhost";

    private final Vertx vertx = Vertx.vertx();
    private TestBackend backend;
    private RunningNode node;
    private GatewayClient client;

    @BeforeAll
    void start(@TempDir Path dataDir) throws Exception {
        backend = TestBackend.ok(vertx);
        node = RunningNode.start(dataDir);
        List<Route> routes = List.of(route("GET /users/{id}", "users"), route("GET /files/{proxy+}", "files"));
        List<Integration> integrations = List.of(
                mappedProxy("users", backend.url() + "/u/{id}?fixed=1", Map.ofEntries(
                        Map.entry("overwrite:header.X-User", "$context.authorizer.claims.sub"),
                        Map.entry("append:header.X-Tag", "gateway"),
                        Map.entry("remove:header.Cookie", ""),
                        Map.entry("overwrite:header.X-Env", "env=${stageVariables.env}"),
                        Map.entry("overwrite:header.X-Id", "$request.path.id"),
                        Map.entry("overwrite:header.X-Req", "$context.requestId"),
                        Map.entry("overwrite:header.X-Route", "$context.stage $context.routeKey"),
                        Map.entry("overwrite:querystring.page", "$request.header.X-Page"),
                        Map.entry("append:querystring.src", "gw"),
                        Map.entry("remove:querystring.secret", ""),
                        Map.entry("overwrite:querystring.fixed", "2"))),
                mappedProxy("files", backend.url() + "/old/{proxy}", Map.of(
                        "overwrite:path", "/v2/${stageVariables.env}/$request.path.proxy",
                        "overwrite:header.X-Path", "$request.path")));
        node.apply(snapshot(1, api("mapped0001", stage("prod", Map.of("env", "blue"), routes, integrations))));
        client = new GatewayClient(vertx, node.gatewayPort());
    }

    @AfterAll
    void stop() {
        client.close();
        node.close();
        backend.close();
        Blocking.await(vertx.close());
    }

    @Test
    void headersAreOverwrittenAppendedAndRemoved() {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap()
                .add("X-User", "admin")          // a client trying to pass as someone
                .add("X-Tag", "client")
                .add("Cookie", "session=1")
                .add("X-Page", "7");

        Reply reply = client.get(HOST, "/prod/users/42?secret=s&keep=a%20b", headers);

        assertThat(reply.status()).isEqualTo(200);
        TestBackend.Received seen = backend.last();
        assertThat(seen.headers().contains("X-User")).as("no authorizer: the overwrite removes it").isFalse();
        assertThat(seen.headers().getAll("X-Tag")).containsExactly("client", "gateway");
        assertThat(seen.headers().contains("Cookie")).isFalse();
        assertThat(seen.headers().get("X-Env")).isEqualTo("env=blue");
        assertThat(seen.headers().get("X-Id")).isEqualTo("42");
        assertThat(seen.headers().get("X-Req")).isEqualTo(reply.header("X-Request-Id")).isNotBlank();
        assertThat(seen.headers().get("X-Route")).isEqualTo("prod GET /users/{id}");
        assertThat(seen.headers().get("X-Forwarded-Host")).as("the gateway's own headers stay").isNotNull();
    }

    @Test
    void theQueryStringIsEdited() {
        client.get(HOST, "/prod/users/42?secret=s&keep=a%20b&page=1",
                MultiMap.caseInsensitiveMultiMap().add("X-Page", "7"));

        assertThat(backend.last().uri()).isEqualTo("/u/42?keep=a%20b&fixed=2&page=7&src=gw");
    }

    @Test
    void anOverwriteWithNothingRemovesTheParameter() {
        client.get(HOST, "/prod/users/42?page=1", MultiMap.caseInsensitiveMultiMap());

        assertThat(backend.last().uri()).isEqualTo("/u/42?fixed=2&src=gw");
    }

    @Test
    void thePathIsOverwrittenOnTheIntegrationsHost() {
        Reply reply = client.get(HOST, "/prod/files/a%2Fb/c?q=1", MultiMap.caseInsensitiveMultiMap());

        assertThat(reply.status()).isEqualTo(200);
        TestBackend.Received seen = backend.last();
        assertThat(seen.uri()).isEqualTo("/v2/blue/a%2Fb/c?q=1");
        assertThat(seen.headers().get("X-Path")).isEqualTo("/files/a%2Fb/c");
        assertThat(seen.headers().get("Host")).isEqualTo("127.0.0.1:" + backend.port());
    }
}
