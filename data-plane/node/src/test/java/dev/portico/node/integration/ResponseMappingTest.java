package dev.portico.node.integration;

import dev.portico.node.pipeline.Exchange;
import dev.portico.node.pipeline.GatewayLimits;
import dev.portico.node.routing.RouteTable;
import dev.portico.node.snapshot.CompiledApi;
import dev.portico.node.snapshot.CompiledRoute;
import dev.portico.node.snapshot.CompiledSnapshot;
import dev.portico.node.snapshot.CompiledStage;
import dev.portico.node.testing.Blocking;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
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

/** Response mapping against a real exchange (a small loopback server builds one per call). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResponseMappingTest {

    private final Vertx vertx = Vertx.vertx();
    private final HttpClient http = HttpClient.newHttpClient();
    private HttpServer server;
    private volatile ResponseMapping mapping;
    private volatile int status;
    private volatile Buffer body;
    private volatile MultiMap headers;
    private volatile boolean readsBody;

    @BeforeAll
    void start() {
        server = vertx.createHttpServer().requestHandler(request -> {
            Exchange exchange = new Exchange(request, CompiledSnapshot.NONE, "req-1", GatewayLimits.DEFAULT);
            CompiledStage stage = new CompiledStage("prod", "dep", RouteTable.<CompiledRoute>builder().build(), Map.of());
            exchange.api(new CompiledApi("api1", null, Map.of("prod", stage), null));
            exchange.stage(stage);
            readsBody = mapping.readsBody(status);
            status = mapping.apply(exchange, status, headers, readsBody ? body : null);
            request.response().end();
        });
        Blocking.await(server.listen(0, "127.0.0.1"));
    }

    @AfterAll
    void stop() {
        Blocking.await(server.close());
        Blocking.await(vertx.close());
    }

    /** Maps a response of {@code code} with the headers {@code Server: backend}, {@code X-Up: 7} and {@code payload}. */
    private MultiMap map(Map<String, Map<String, String>> parameters, int code, String payload) throws Exception {
        mapping = ResponseMapping.compile(parameters, Map.of("env", "blue"));
        status = code;
        body = payload == null ? null : Buffer.buffer(payload);
        headers = HttpHeaders.headers().add("Server", "backend").add("X-Up", "7").add("Content-Type", "application/json");
        HttpResponse<String> done = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.actualPort()
                + "/prod/x")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(done.statusCode()).isEqualTo(200);
        return headers;
    }

    @Test
    void aSpecificCodeBeatsItsRange() throws Exception {
        Map<String, Map<String, String>> parameters = Map.of(
                "404", Map.of("overwrite:header.X-Which", "404"),
                "4XX", Map.of("overwrite:header.X-Which", "4XX"));
        assertThat(map(parameters, 404, null).get("X-Which")).isEqualTo("404");
        assertThat(map(parameters, 403, null).get("X-Which")).isEqualTo("4XX");
        assertThat(map(parameters, 200, null).get("X-Which")).isNull();
        assertThat(map(Map.of("5XX", Map.of("overwrite:statuscode", "503")), 502, null)).isNotNull();
        assertThat(status).isEqualTo(503);
    }

    @Test
    void eachActionOnHeaders() throws Exception {
        MultiMap out = map(Map.of("200", Map.of(
                "remove:header.Server", "",
                "overwrite:header.X-Up", "up-$response.header.X-Up",
                "append:header.X-Tag", "$stageVariables.env",
                "append:header.X-Up", "again",
                "overwrite:header.X-Context", "$context.requestId/$context.stage")), 200, null);
        assertThat(out.get("Server")).isNull();
        assertThat(out.getAll("X-Up")).containsExactly("up-7", "again");
        assertThat(out.get("X-Tag")).isEqualTo("blue");
        assertThat(out.get("X-Context")).isEqualTo("req-1/prod");
        assertThat(status).isEqualTo(200);
    }

    @Test
    void valuesReadTheResponseAsTheIntegrationSentIt() throws Exception {
        MultiMap out = map(Map.of("200", Map.of(
                "remove:header.X-Up", "",
                "overwrite:header.X-Was", "$response.header.X-Up",
                "overwrite:header.X-Missing", "$response.header.X-Nope")), 200, null);
        assertThat(out.get("X-Up")).isNull();
        assertThat(out.get("X-Was")).isEqualTo("7");
        assertThat(out.contains("X-Missing")).isFalse();
    }

    @Test
    void statusOverwriteFromLiteralOrReference() throws Exception {
        map(Map.of("404", Map.of("overwrite:statuscode", "410")), 404, null);
        assertThat(status).isEqualTo(410);
        map(Map.of("200", Map.of("overwrite:statuscode", "$response.header.X-Status")), 200, null);
        assertThat(status).as("no such header: status kept").isEqualTo(200);
        map(Map.of("200", Map.of("overwrite:statuscode", "$response.body.code")), 200, "{\"code\":201}");
        assertThat(status).isEqualTo(201);
        map(Map.of("200", Map.of("overwrite:statuscode", "$response.body.code")), 200, "{\"code\":\"abc\"}");
        assertThat(status).as("not a status: kept").isEqualTo(200);
    }

    @Test
    void bodyReferencesReadJson() throws Exception {
        MultiMap out = map(Map.of("200", Map.of(
                "overwrite:header.X-Name", "$response.body.item.name",
                "overwrite:header.X-First", "${response.body.tags.0}",
                "overwrite:header.X-Item", "$response.body.item")), 200,
                "{\"item\":{\"name\":\"Rex\"},\"tags\":[\"dog\",\"good\"]}");
        assertThat(readsBody).isTrue();
        assertThat(out.get("X-Name")).isEqualTo("Rex");
        assertThat(out.get("X-First")).isEqualTo("dog");
        assertThat(out.get("X-Item")).isEqualTo("{\"name\":\"Rex\"}");
    }

    @Test
    void aBodyThatIsNotJsonGivesNothing() throws Exception {
        MultiMap out = map(Map.of("200", Map.of("overwrite:header.X-Name", "$response.body.name",
                "overwrite:header.X-Fixed", "fixed")), 200, "<html>name</html>");
        assertThat(out.contains("X-Name")).isFalse();
        assertThat(out.get("X-Fixed")).isEqualTo("fixed");
    }

    @Test
    void onlyBodyReferencesNeedTheBody() throws Exception {
        map(Map.of("200", Map.of("overwrite:header.X-A", "$response.header.X-Up"),
                "404", Map.of("overwrite:header.X-B", "$response.body.b")), 200, null);
        assertThat(readsBody).isFalse();
        map(Map.of("200", Map.of("overwrite:header.X-A", "$response.header.X-Up"),
                "404", Map.of("overwrite:header.X-B", "$response.body.b")), 404, "{\"b\":1}");
        assertThat(readsBody).isTrue();
    }

    @Test
    void valuesThatCannotBeHeadersAreDropped() throws Exception {
        MultiMap out = map(Map.of("200", Map.of("overwrite:header.X-Name", "$response.body.name")), 200,
                "{\"name\":\"a\\r\\nSet-Cookie: x=1\"}");
        assertThat(out.contains("X-Name")).isFalse();
    }

    @Test
    void refusesWhatTheContractRefuses() {
        assertThatThrownBy(() -> ResponseMapping.compile(Map.of("2xx", Map.of()), Map.of()))
                .hasMessageContaining("status selector");
        assertThatThrownBy(() -> ResponseMapping.compile(Map.of("200", Map.of("overwrite:header.Content-Length", "1")),
                Map.of())).hasMessageContaining("reserved");
        assertThat(ResponseMapping.compile(Map.of(), Map.of()).isEmpty()).isTrue();
        assertThat(List.of(ResponseMapping.NONE.readsBody(200))).containsExactly(false);
    }
}
