package dev.portico.node.observe;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class AccessLogTest {

    @Test
    void writesLinesInOrderAndEverythingQueuedOnClose() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AccessLog log = new AccessLog(out, new NodeMetrics());
        IntStream.range(0, 5_000).forEach(i -> log.write("{\"n\":" + i + "}"));

        log.close();

        String expected = IntStream.range(0, 5_000).mapToObj(i -> "{\"n\":" + i + "}\n")
                .reduce("", String::concat);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(expected);
    }

    @Test
    void writesALineSoonWithoutBeingClosed() throws InterruptedException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (AccessLog log = new AccessLog(out, new NodeMetrics())) {
            log.write("{}");
            long deadline = System.nanoTime() + 2_000_000_000L;
            while (out.size() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("{}\n");
        }
    }
}
