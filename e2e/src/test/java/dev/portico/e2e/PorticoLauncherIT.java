package dev.portico.e2e;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
            List<String> output = readUntil(launcher, "Logs", Duration.ofSeconds(180));
            String printed = String.join("\n", output);
            assertThat(printed).contains("Portico is running", "http://localhost:" + cpPort + "/admin/v1",
                    "http://localhost:" + statusPort + "/health");
            Matcher password = PASSWORD.matcher(printed);
            assertThat(password.find()).as(printed).isTrue();
            assertThat(password.group(1)).isEqualTo(Files.readString(dataDir.resolve("admin-password")).trim());

            AdminClient admin = AdminClient.login("http://127.0.0.1:" + cpPort, "admin", password.group(1));
            Waits.until(Duration.ofSeconds(10), "the launched node IN_SYNC", () ->
                    Json.stream(admin.get("/admin/v1/nodes").expect(200).json().get("items"))
                            .anyMatch(n -> "IN_SYNC".equals(n.get("status").asText())));

            launcher.destroy();
            assertThat(launcher.waitFor(60, TimeUnit.SECONDS)).as("launcher stopped").isTrue();
            assertThat(launcher.exitValue()).isZero();
            assertThat(Files.exists(dataDir.resolve("postgres/postmaster.pid"))).as("PostgreSQL stopped").isFalse();
        } finally {
            launcher.destroyForcibly();
        }
    }

    /** Lines of the launcher's output up to and including the first one starting with {@code last}. */
    private static List<String> readUntil(Process process, String last, Duration limit) throws Exception {
        List<String> lines = new ArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    synchronized (lines) {
                        lines.add(line);
                    }
                }
            } catch (java.io.IOException e) {
                // the process ended
            }
        });
        reader.setDaemon(true);
        reader.start();
        Waits.until(limit, "the launcher's summary", () -> {
            synchronized (lines) {
                return lines.stream().anyMatch(l -> l.strip().startsWith(last)) || !process.isAlive();
            }
        });
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }
}
