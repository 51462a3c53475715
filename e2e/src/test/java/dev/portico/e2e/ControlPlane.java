package dev.portico.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** The packaged control plane on embedded PostgreSQL, in its own data directory, on a free port. */
final class ControlPlane implements AutoCloseable {

    static final String ADMIN_PASSWORD = "e2e-admin-password";

    private final Path dataDir;
    private final int port;
    private PorticoProcess process;

    private ControlPlane(Path dataDir, int port) {
        this.dataDir = dataDir;
        this.port = port;
    }

    static ControlPlane start(String name) {
        try {
            ControlPlane cp = new ControlPlane(Files.createTempDirectory("portico-e2e-cp"), FreePort.next());
            cp.process = cp.newProcess(name);
            cp.process.start();
            return cp;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private PorticoProcess newProcess(String name) {
        Path jar = PorticoProcess.ROOT.resolve("control-plane/target/quarkus-app/quarkus-run.jar");
        Map<String, String> env = Map.of(
                "PORTICO_DATA_DIR", dataDir.toString(),
                "PORTICO_HTTP_PORT", String.valueOf(port),
                "PORTICO_HTTP_HOST", "127.0.0.1",
                "PORTICO_ADMIN_PASSWORD", ADMIN_PASSWORD);
        return new PorticoProcess(name, jar, env, URI.create(url() + "/q/health/ready"));
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    /** The token nodes present; the control plane generated it at first start. */
    String clusterToken() {
        try {
            return Files.readString(dataDir.resolve("cluster-token")).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("no cluster token in " + dataDir, e);
        }
    }

    AdminClient admin() {
        return AdminClient.login(url(), "admin", ADMIN_PASSWORD);
    }

    void stop() {
        process.stop();
    }

    /** Starts it again on the same port and data directory. */
    void restart(String name) {
        process.stop();
        process = newProcess(name);
        process.start();
    }

    @Override
    public void close() {
        process.close();
    }
}
