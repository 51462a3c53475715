package dev.portico.snapshot;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The golden files say exactly what {@link GoldenFixtures} says; {@code -Dgolden.write=true} rewrites them. */
class GoldenFilesTest {

    private static final Path SOURCE_DIR = Path.of("src/test/resources/golden");

    @Test
    void everyGoldenFileEqualsItsFixture() throws IOException {
        boolean write = Boolean.getBoolean("golden.write");
        for (String name : GoldenSnapshots.NAMES) {
            Snapshot fixture = GoldenFixtures.byName(name);
            Path file = SOURCE_DIR.resolve(name + ".json");
            if (write) {
                Files.writeString(file, SnapshotCodec.writePretty(fixture) + "\n");
            }
            // the source file, not the copy on the class path, which predates a rewrite
            assertThat(SnapshotCodec.read(Files.readAllBytes(file))).as(name).isEqualTo(fixture);
        }
    }
}
