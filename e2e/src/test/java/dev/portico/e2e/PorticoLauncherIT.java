package dev.portico.e2e;

import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's first command: {@code ./portico up} on a fresh data directory starts the control plane
 * and a node, prints where they are and the generated admin password, and stops both on SIGTERM
 * (what Ctrl-C's trap does too) with exit status 0.
 */
class PorticoLauncherIT {

    private static final Pattern PASSWORD = Pattern.compile("\\(user admin, password: (\\S+)\\)");

    @Test
    void upStartsBothPrintsThePasswordAndStopsCleanly() throws Exception {
        Path dataDir = Files.createTempDirectory("portico-e2e-launcher");
        int cpPort = FreePort.next();
        int statusPort = FreePort.next();
        ProcessBuilder builder = new ProcessBuilder("bash", PorticoProcess.ROOT.resolve("portico").toString(), "up")
                .redirectErrorStream(true);
        builder.environment().putAll(Map.of("PORTICO_DATA_DIR", dataDir.toString(),
                "PORTICO_HTTP_PORT", String.valueOf(cpPort), "PORTICO_GATEWAY_PORT", String.valueOf(FreePort.next()),
                "PORTICO_STATUS_PORT", String.valueOf(statusPort)));
        builder.environment().remove("PORTICO_ADMIN_PASSWORD");
        Process launcher = builder.start();
        try {
            Output output = new Output(launcher);
            String printed = output.until("Logs", Duration.ofSeconds(180));
            assertThat(printed).contains("Portico is running", "http://localhost:" + cpPort + "/admin/v1",
                    "http://localhost:" + statusPort + "/health");
            Matcher password = PASSWORD.matcher(printed);
            assertThat(password.find()).as(printed).isTrue();
            assertThat(password.group(1)).isEqualTo(Files.readString(dataDir.resolve("admin-password")).trim());

            AdminClient admin = AdminClient.login("http://127.0.0.1:" + cpPort, "admin", password.group(1));
            Waits.until(Duration.ofSeconds(10), "the launched node IN_SYNC", () ->
                    Json.stream(admin.get("/admin/v1/nodes").expect(200).json().get("items"))
                            .anyMatch(n -> "IN_SYNC".equals(n.get("status").asText())));
            // The node runs through ./portico node: the launcher's JVM flags, and Linux's epoll where the jar has it.
            assertThat(ProcessHandle.allProcesses().map(p -> p.info().commandLine().orElse(""))
                    .filter(line -> line.contains("portico-node-all.jar")).toList())
                    .anySatisfy(line -> assertThat(line).contains("-Xms128m", "-Xmx128m", "-XX:+UseParallelGC"));
            String nodeLog = Files.readString(dataDir.resolve("logs/node.log"));
            assertThat(nodeLog).containsPattern("listening: gateway \\S+, status \\S+; transport \\S");
            if ("amd64".equals(System.getProperty("os.arch")) && "Linux".equals(System.getProperty("os.name"))) {
                assertThat(nodeLog).contains("; transport epoll");
            }

            // Nobody reads the launcher's output any more (as after a closed terminal): stopping must still work.
            output.stopReading();
            launcher.destroy();
            assertThat(launcher.waitFor(60, TimeUnit.SECONDS)).as("launcher stopped").isTrue();
            assertThat(launcher.exitValue()).isZero();
            assertThat(Files.exists(dataDir.resolve("postgres/postmaster.pid"))).as("PostgreSQL stopped").isFalse();
        } finally {
            launcher.destroyForcibly();
        }
    }

    /**
     * The launcher's output, read by a thread that only reads what is there (it is never blocked in
     * a read), so that {@link #stopReading} really closes the pipe: the launcher's next write fails.
     */
    private static final class Output {
        private final StringBuilder text = new StringBuilder();
        private final Process process;
        private final Thread reader;
        private volatile boolean stopped;

        Output(Process process) {
            this.process = process;
            this.reader = new Thread(this::read);
            reader.setDaemon(true);
            reader.start();
        }

        private void read() {
            InputStream in = process.getInputStream();
            byte[] buffer = new byte[4096];
            try {
                while (!stopped) {
                    int ready = in.available();
                    if (ready == 0) {
                        Waits.sleep(10);
                        continue;
                    }
                    int read = in.read(buffer, 0, Math.min(ready, buffer.length));
                    synchronized (text) {
                        text.append(new String(buffer, 0, read, StandardCharsets.UTF_8));
                    }
                }
            } catch (java.io.IOException e) {
                // the process ended
            }
        }

        /** The output up to the first line starting with {@code last}, waiting for it up to {@code limit}. */
        String until(String last, Duration limit) {
            Waits.until(limit, "the launcher's summary", () -> text().lines().anyMatch(l -> l.strip().startsWith(last))
                    || !process.isAlive());
            return text();
        }

        String text() {
            synchronized (text) {
                return text.toString();
            }
        }

        void stopReading() throws Exception {
            stopped = true;
            reader.join(5_000);
            process.getInputStream().close();
        }
    }
}
