package dev.portico.cp.testing;

import dev.portico.cp.database.EmbeddedDatabase;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;

/** A fresh real PostgreSQL for the Quarkus tests (one per test run, in a temp directory). */
public class EmbeddedPostgresResource implements QuarkusTestResourceLifecycleManager {

    private EmbeddedDatabase database;

    @Override
    public Map<String, String> start() {
        try {
            database = EmbeddedDatabase.start(Files.createTempDirectory("portico-test-pg"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return database.datasourceConfig();
    }

    @Override
    public void stop() {
        if (database != null) {
            database.close();
        }
    }
}
