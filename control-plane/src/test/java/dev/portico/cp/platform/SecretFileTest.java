package dev.portico.cp.platform;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;

class SecretFileTest {

    @TempDir
    Path directory;

    @Test
    void onlyTheOwnerMayReadIt() throws Exception {
        SecretFile file = new SecretFile(directory.resolve("deeper/cluster-token"));
        file.write("s3cret");
        file.write("s3cret-2");

        assertThat(Files.readString(file.path())).isEqualTo("s3cret-2\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.path()))).isEqualTo("rw-------");
        try (var entries = Files.list(file.path().getParent())) {
            assertThat(entries).containsExactly(file.path());   // no temporary file left behind
        }
    }
}
