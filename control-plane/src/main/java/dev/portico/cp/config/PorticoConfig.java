package dev.portico.cp.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The control plane's own settings. Each maps from an environment variable: {@code portico.data-dir}
 * is {@code PORTICO_DATA_DIR}, {@code portico.admin-password} is {@code PORTICO_ADMIN_PASSWORD}, …
 */
@ConfigMapping(prefix = "portico")
public interface PorticoConfig {

    /** Where the embedded PostgreSQL, the generated admin password and the cluster token live. */
    @WithDefault("${user.home}/.portico")
    Path dataDir();

    /** The first admin's password; only read when the first admin is created. */
    Optional<String> adminPassword();

    /** The secret nodes present; when absent, one is generated at the first start and kept in the database. */
    Optional<String> clusterToken();

    /** How long an admin API token is valid. */
    @WithDefault("PT1H")
    Duration tokenLifetime();
}
