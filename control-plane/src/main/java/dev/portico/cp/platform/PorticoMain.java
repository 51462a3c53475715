package dev.portico.cp.platform;

import dev.portico.cp.database.EmbeddedDatabase;
import io.quarkus.runtime.Application;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import org.jboss.logging.Logger;

import java.nio.file.Path;

/**
 * Starts the control plane. Without {@code PORTICO_DB_URL} it first starts the embedded PostgreSQL
 * in {@code $PORTICO_DATA_DIR/postgres} (so the data survives restarts) and points Quarkus at it;
 * the database stops after Quarkus has stopped.
 */
@QuarkusMain
public class PorticoMain implements QuarkusApplication {

    private static final Logger LOG = Logger.getLogger(PorticoMain.class);

    public static void main(String... args) {
        EmbeddedDatabase database = null;
        if (blank(System.getenv("PORTICO_DB_URL"))) {
            database = startEmbeddedDatabase(dataDirectory().resolve("postgres"));
            Runtime.getRuntime().addShutdownHook(new Thread(stopAfterQuarkus(database), "portico-database-stop"));
        }
        EmbeddedDatabase started = database;
        Quarkus.run(PorticoMain.class, (exitCode, failure) -> {
            if (failure != null) {
                LOG.error("The control plane could not start: " + rootCause(failure).getMessage(), failure);
            }
            if (started != null) {
                started.close();
            }
            System.exit(exitCode);
        }, args);
    }

    /**
     * On SIGTERM every shutdown hook runs at once; PostgreSQL must outlive Quarkus's own stop (which
     * still uses the database), so this hook waits for it.
     */
    private static Runnable stopAfterQuarkus(EmbeddedDatabase database) {
        return () -> {
            Application application = Application.currentApplication();
            if (application != null) {
                application.awaitShutdown();
            }
            database.close();
        };
    }

    @Override
    public int run(String... args) {
        Quarkus.waitForExit();
        return 0;
    }

    private static EmbeddedDatabase startEmbeddedDatabase(Path directory) {
        LOG.infof("Starting the embedded PostgreSQL in %s (set PORTICO_DB_URL to use your own)", directory);
        // Its server output is noise at start; failures still surface as the exception below.
        java.util.logging.Logger.getLogger("io.zonky").setLevel(java.util.logging.Level.WARNING);
        try {
            EmbeddedDatabase database = EmbeddedDatabase.start(directory, false);
            // application.properties reads these (also as system properties), in every profile.
            System.setProperty("PORTICO_DB_URL", database.jdbcUrl());
            System.setProperty("PORTICO_DB_USER", EmbeddedDatabase.USER);
            System.setProperty("PORTICO_DB_PASSWORD", "");
            return database;
        } catch (RuntimeException e) {
            LOG.errorf(e, "Could not start the embedded PostgreSQL in %s", directory);
            System.exit(1);
            throw e;
        }
    }

    /** The same rule as {@code portico.data-dir}, read before Quarkus (and its configuration) exists. */
    static Path dataDirectory() {
        String configured = System.getenv("PORTICO_DATA_DIR");
        if (blank(configured)) {
            configured = System.getProperty("portico.data-dir");
        }
        return blank(configured)
                ? Path.of(System.getProperty("user.home"), ".portico")
                : Path.of(configured).toAbsolutePath().normalize();
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
