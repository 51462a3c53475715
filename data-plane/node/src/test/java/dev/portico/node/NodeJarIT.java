package dev.portico.node;

import dev.portico.node.testing.Blocking;
import dev.portico.node.testing.TestBackend;
import dev.portico.snapshot.Snapshot;
import dev.portico.snapshot.SnapshotCodec;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.portico.node.testing.Snapshots.api;
import static dev.portico.node.testing.Snapshots.mock;
import static dev.portico.node.testing.Snapshots.proxy;
import static dev.portico.node.testing.Snapshots.route;
import static dev.portico.node.testing.Snapshots.snapshot;
import static dev.portico.node.testing.Snapshots.stage;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged node as an operator runs it: {@code java -jar target/portico-node-all.jar}, configured
 * by environment, the listening line on stderr, access log on stdout, SIGTERM drains.
 */
class NodeJarIT {

    private static final Pattern LISTENING =
            Pattern.compile("Portico node jar-node listening: gateway 127\\.0\\.0\\.1:(\\d+), status 127\\.0\\.0\\.1:(\\d+);"
                    + " transport (.+)$");

    private final Vertx vertx = Vertx.vertx();
    private Process process;

    @AfterEach
    void close() {
        if (process != null) {
            process.destroyForcibly();
        }
        Blocking.await(vertx.close());
    }

    @Test
    void runsFromTheJarServesTheStoredSnapshotAndDrainsOnSigterm(@TempDir Path dataDir) throws Exception {
        CompletableFuture<Void> backendGotRequest = new CompletableFuture<>();
        try (TestBackend backend = TestBackend.start(vertx, request -> {
            backendGotRequest.complete(null);
            vertx.setTimer(700, t -> request.response().end("drained"));
        })) {
            Snapshot stored = snapshot(5, api("jar0000001", stage("prod", List.of(route("GET /slow", "slow")),
                    List.of(proxy("slow", backend.url() + "/slow")))));
            Files.write(dataDir.resolve("snapshot.json"), SnapshotCodec.write(stored));
            ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-jar", Path.of("target", "portico-node-all.jar").toAbsolutePath().toString());
            builder.environment().putAll(java.util.Map.of(
                    "PORTICO_DATA_DIR", dataDir.toString(),
                    "PORTICO_GATEWAY_PORT", "0",
                    "PORTICO_STATUS_PORT", "0",
                    "PORTICO_BIND_HOST", "127.0.0.1",
                    "PORTICO_NODE_ID", "jar-node"));
            builder.environment().remove("PORTICO_CONTROL_PLANE");
            Path out = dataDir.resolve("stdout.txt");
            Path err = dataDir.resolve("stderr.txt");
            process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();

            Matcher listening = awaitLine(err, LISTENING);
            int gatewayPort = Integer.parseInt(listening.group(1));
            int statusPort = Integer.parseInt(listening.group(2));
            if ("amd64".equals(System.getProperty("os.arch")) && "Linux".equals(System.getProperty("os.name"))) {
                assertThat(listening.group(3)).as("the jar carries Netty's epoll library for Linux x86_64").isEqualTo("epoll");
            }
            HttpClient http = HttpClient.newHttpClient();
            assertThat(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + statusPort + "/ready")).build(),
                    HttpResponse.BodyHandlers.ofString()).body()).isEqualTo("{\"ready\":true,\"revision\":5}");

            // java.net.http cannot set Host, hence the raw request.
            CompletableFuture<String> inFlight = CompletableFuture.supplyAsync(() -> get(gatewayPort,
                    "GET /prod/slow HTTP/1.1\r\nHost: jar0000001.localhost\r\nX-Request-Id: jar-req-1\r\n\r\n"));
            backendGotRequest.get(10, TimeUnit.SECONDS);
            process.destroy();

            assertThat(inFlight.get(10, TimeUnit.SECONDS)).startsWith("HTTP/1.1 200").endsWith("drained");
            assertThat(process.waitFor(15, TimeUnit.SECONDS)).as("exits after draining").isTrue();
            assertThat(Files.readString(err)).contains("Portico node jar-node stopping: draining requests in flight")
                    .contains("Portico node jar-node stopped");
            List<String> accessLog = Files.readAllLines(out);
            assertThat(accessLog).as("stdout holds only access-log lines; stderr:%n%s", Files.readString(err))
                    .singleElement().satisfies(line -> assertThat(new JsonObject(line).getString("requestId")).isEqualTo("jar-req-1"));
        }
    }

    @Test
    void fallsBackToNioWhenTheNativeTransportIsTurnedOff(@TempDir Path dataDir) throws Exception {
        Snapshot stored = snapshot(1, api("nio0000001", stage("prod", List.of(route("GET /hello", "hello")),
                List.of(mock("hello", 200, "{\"hello\":\"nio\"}")))));
        Files.write(dataDir.resolve("snapshot.json"), SnapshotCodec.write(stored));
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", Path.of("target", "portico-node-all.jar").toAbsolutePath().toString());
        builder.environment().putAll(java.util.Map.of("PORTICO_DATA_DIR", dataDir.toString(),
                "PORTICO_GATEWAY_PORT", "0", "PORTICO_STATUS_PORT", "0", "PORTICO_BIND_HOST", "127.0.0.1",
                "PORTICO_NODE_ID", "jar-node", "PORTICO_NATIVE_TRANSPORT", "false"));
        builder.environment().remove("PORTICO_CONTROL_PLANE");
        Path err = dataDir.resolve("stderr.txt");
        process = builder.redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(err.toFile()).start();

        Matcher listening = awaitLine(err, LISTENING);
        assertThat(listening.group(3)).isEqualTo("nio (PORTICO_NATIVE_TRANSPORT=false)");
        assertThat(get(Integer.parseInt(listening.group(1)), "GET /prod/hello HTTP/1.1\r\nHost: nio0000001.localhost\r\n\r\n"))
                .startsWith("HTTP/1.1 200").endsWith("{\"hello\":\"nio\"}");
    }

    @Test
    void refusesToStartWithAHalfSetNodeThrottle(@TempDir Path dataDir) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", Path.of("target", "portico-node-all.jar").toAbsolutePath().toString());
        builder.environment().putAll(java.util.Map.of("PORTICO_DATA_DIR", dataDir.toString(),
                "PORTICO_GATEWAY_PORT", "0", "PORTICO_STATUS_PORT", "0", "PORTICO_BIND_HOST", "127.0.0.1",
                "PORTICO_NODE_RATE_LIMIT", "100"));
        builder.environment().remove("PORTICO_NODE_BURST_LIMIT");
        Path err = dataDir.resolve("stderr.txt");
        process = builder.redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(err.toFile()).start();

        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(Files.readString(err)).contains("Portico node: bad configuration: PORTICO_NODE_RATE_LIMIT and "
                + "PORTICO_NODE_BURST_LIMIT go together");
    }

    private static String get(int port, String request) {
        try {
            return dev.portico.node.testing.RawHttp.exchange(port, request, 300);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Matcher awaitLine(Path file, Pattern pattern) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            for (String line : Files.readAllLines(file)) {
                Matcher matcher = pattern.matcher(line);
                if (matcher.find()) {
                    return matcher;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no line matching " + pattern + " on stderr:\n" + Files.readString(file));
    }
}
