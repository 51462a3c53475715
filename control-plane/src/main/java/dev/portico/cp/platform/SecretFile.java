package dev.portico.cp.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/** A file only its owner may read (mode 600), holding one secret such as the cluster token. */
public record SecretFile(Path path) {

    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    /**
     * Writes the value. The file is created with mode 600 before the secret goes in, then renamed
     * into place, so the secret is never readable by others, not even for a moment.
     */
    public void write(String value) {
        try {
            Path directory = path.toAbsolutePath().getParent();
            Files.createDirectories(directory);
            Path temporary = POSIX
                    ? Files.createTempFile(directory, ".secret", ".tmp",
                            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                    : Files.createTempFile(directory, ".secret", ".tmp");
            Files.writeString(temporary, value + "\n", StandardCharsets.UTF_8);
            Files.move(temporary, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + path, e);
        }
    }

    public boolean exists() {
        return Files.isRegularFile(path);
    }

    @Override
    public String toString() {
        return path.toString();
    }
}
