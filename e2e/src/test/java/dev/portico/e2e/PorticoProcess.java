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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One packaged Portico program (control plane or node) run as a real OS process, its output in
 * {@code e2e/target/e2e-logs/<name>.log}. Stopping sends SIGTERM, as an operator would.
 */
class PorticoProcess implements AutoCloseable {

    static final Path ROOT = Path.of(System.getProperty("portico.root", "..")).toAbsolutePath().normalize();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final List<String> command;
    private final Map<String, String> env;
    private final URI healthUri;
    private Process process;

    PorticoProcess(String name, Path jar, Map<String, String> env, URI healthUri) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build with ./mvnw package first");
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        this.name = name;
        this.command = List.of(java, "-Xmx512m", "-jar", jar.toString());
        this.env = Map.copyOf(env);
        this.healthUri = healthUri;
    }

    PorticoProcess start() {
        try {
            Path logs = Files.createDirectories(ROOT.resolve("e2e/target/e2e-logs"));
            ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logs.resolve(name + ".log").toFile()));
            builder.environment().putAll(env);
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        awaitHealthy(Duration.ofSeconds(90));
        return this;
    }

    private void awaitHealthy(Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see e2e/target/e2e-logs/" + name + ".log");
            }
            try {
                HttpResponse<Void> answer = HTTP.send(HttpRequest.newBuilder(healthUri).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (answer.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            Waits.sleep(100);
        }
        throw new IllegalStateException(name + " not healthy at " + healthUri + " within " + limit);
    }

    /** SIGTERM, then SIGKILL if it has not exited within 30 s. */
    void stop() {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    @Override
    public void close() {
        stop();
    }
}
