package dev.portico.node.snapshot;

import dev.portico.snapshot.InvalidSnapshotException;
import dev.portico.snapshot.Snapshot;
import dev.portico.snapshot.SnapshotCodec;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * The last good snapshot on disk ({@code $PORTICO_DATA_DIR/snapshot.json}), so a node that starts
 * while the control plane is away still serves. Written to a temporary file, forced to disk, then
 * renamed over the old one: a crash leaves either the old file or the new one, never half of one.
 */
public final class SnapshotStore {

    public static final String FILE_NAME = "snapshot.json";
    private static final System.Logger LOG = System.getLogger(SnapshotStore.class.getName());

    private final Path file;
    private final Path temporary;

    public SnapshotStore(Path dataDir) {
        this.file = dataDir.resolve(FILE_NAME);
        this.temporary = dataDir.resolve(FILE_NAME + ".tmp");
    }

    public Path file() {
        return file;
    }

    /** The stored snapshot; empty when there is none, or when the file is unreadable (reported on stderr). */
    public Optional<Snapshot> load() {
        try {
            return Optional.of(SnapshotCodec.read(Files.readAllBytes(file)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | InvalidSnapshotException e) {
            LOG.log(System.Logger.Level.WARNING, "ignoring unreadable snapshot file " + file + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    public void save(Snapshot snapshot) throws IOException {
        Files.createDirectories(file.getParent());
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            ByteBuffer bytes = ByteBuffer.wrap(SnapshotCodec.write(snapshot));
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            channel.force(true);
        }
        try {
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            // Same directory, so this only happens on odd file systems; a plain replace is the best left.
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
