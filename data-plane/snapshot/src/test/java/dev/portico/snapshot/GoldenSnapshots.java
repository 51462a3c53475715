package dev.portico.snapshot;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The golden snapshot files (src/test/resources/golden, shipped in this module's test-jar). The
 * control plane's compiler tests must produce them from the state described in golden/README.md;
 * the node's loader tests must accept them.
 */
public final class GoldenSnapshots {

    /** Every golden file by name (without ".json"). */
    public static final List<String> NAMES = List.of("empty", "pets", "shop", "orders", "functions", "shaping");

    private GoldenSnapshots() {
    }

    public static byte[] bytes(String name) {
        try (InputStream in = GoldenSnapshots.class.getResourceAsStream("/golden/" + name + ".json")) {
            if (in == null) {
                throw new IllegalArgumentException("no golden snapshot " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Snapshot read(String name) {
        return SnapshotCodec.read(bytes(name));
    }
}
