package dev.portico.cp.platform;

import dev.portico.cp.config.PorticoConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.file.Path;

/** {@code PORTICO_DATA_DIR}: the embedded database and the secrets an operator needs to read. */
@ApplicationScoped
public class DataDirectory {

    private final Path root;

    DataDirectory(PorticoConfig config) {
        this.root = config.dataDir().toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    /** The generated first admin password (only when none was given). */
    public SecretFile adminPassword() {
        return new SecretFile(root.resolve("admin-password"));
    }

    /** The cluster token nodes present (only when it was generated). */
    public SecretFile clusterToken() {
        return new SecretFile(root.resolve("cluster-token"));
    }
}
