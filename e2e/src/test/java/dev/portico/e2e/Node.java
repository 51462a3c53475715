package dev.portico.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** A packaged data-plane node process wired to a control plane, on free ports. */
final class Node implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String id;
    private final Path dataDir;
    private final int gatewayPort;
    private final int statusPort;
    private final String controlPlaneUrl;
    private final String clusterToken;
    private PorticoProcess process;

    private Node(String id, String controlPlaneUrl, String clusterToken) throws IOException {
        this.id = id;
        this.dataDir = Files.createTempDirectory("portico-e2e-" + id);
        this.gatewayPort = FreePort.next();
        this.statusPort = FreePort.next();
        this.controlPlaneUrl = controlPlaneUrl;
        this.clusterToken = clusterToken;
    }

    static Node start(String id, ControlPlane cp) {
        try {
            Node node = new Node(id, cp.url(), cp.clusterToken());
            node.process = node.newProcess();
            node.process.start();
            return node;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private PorticoProcess newProcess() {
        Path jar = PorticoProcess.ROOT.resolve("data-plane/node/target/portico-node-all.jar");
        Map<String, String> env = Map.of(
                "PORTICO_NODE_ID", id,
                "PORTICO_DATA_DIR", dataDir.toString(),
                "PORTICO_CONTROL_PLANE", controlPlaneUrl,
                "PORTICO_CLUSTER_TOKEN", clusterToken,
                "PORTICO_GATEWAY_PORT", String.valueOf(gatewayPort),
                "PORTICO_STATUS_PORT", String.valueOf(statusPort),
                "PORTICO_BIND_HOST", "127.0.0.1");
        return new PorticoProcess(id, jar, env, URI.create(statusUrl() + "/health"));
    }

    String id() {
        return id;
    }

    String statusUrl() {
        return "http://127.0.0.1:" + statusPort;
    }

    /** A GET through the gateway with Host {@code {apiId}.localhost}, as a client of that API would send. */
    HttpResponse<String> get(String apiId, String path) {
        return get(apiId, path, Map.of());
    }

    /** The same, with extra request headers (an {@code x-api-key}, say). */
    HttpResponse<String> get(String apiId, String path, Map<String, String> headers) {
        return request(apiId, "GET", path, headers);
    }

    /** Any method through the gateway, with request headers and no body. */
    HttpResponse<String> request(String apiId, String method, String path, Map<String, String> headers) {
        return request(apiId, method, path, headers, null);
    }

    /** Any method through the gateway, with request headers and a body (none when null). */
    HttpResponse<String> request(String apiId, String method, String path, Map<String, String> headers, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gatewayPort + path))
                .header("Host", apiId + ".localhost:" + gatewayPort)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .timeout(Duration.ofSeconds(10));
        headers.forEach(request::header);
        return send(request.build());
    }

    /** {@code /metrics} of the status port, in Prometheus text format. */
    String metrics() {
        return send(HttpRequest.newBuilder(URI.create(statusUrl() + "/metrics")).timeout(Duration.ofSeconds(5)).build()).body();
    }

    /** {@code /ready} of the status port. */
    HttpResponse<String> ready() {
        return send(HttpRequest.newBuilder(URI.create(statusUrl() + "/ready")).timeout(Duration.ofSeconds(5)).build());
    }

    void restart() {
        process.stop();
        process = newProcess();
        process.start();
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        process.close();
    }
}
