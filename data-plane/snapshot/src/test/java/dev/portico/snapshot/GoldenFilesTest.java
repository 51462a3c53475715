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
        for (String name : GoldenSnapshots.NAMES) {
            Snapshot fixture = GoldenFixtures.byName(name);
            if (Boolean.getBoolean("golden.write")) {
                Files.writeString(SOURCE_DIR.resolve(name + ".json"), SnapshotCodec.writePretty(fixture) + "\n");
            }
            assertThat(GoldenSnapshots.read(name)).as(name).isEqualTo(fixture);
        }
    }
}
