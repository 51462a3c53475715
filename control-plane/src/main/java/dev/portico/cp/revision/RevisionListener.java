package dev.portico.cp.revision;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.Properties;

/**
 * Listens on PostgreSQL's {@value Revisions#CHANNEL} channel, on a thread and a connection of its
 * own (outside the pool: it holds the connection forever), and fires {@link RevisionCommitted} for
 * every committed revision — whichever replica committed it. When the connection breaks it
 * reconnects; after (re)connecting, and whenever it has heard nothing for a while, it reads the
 * revision itself, so a notification lost while disconnected costs at most one idle period.
 */
@ApplicationScoped
public class RevisionListener {

    private static final Logger LOG = Logger.getLogger(RevisionListener.class);
    static final int IDLE_CHECK_MILLIS = 5_000;
    private static final long MAX_BACKOFF_MILLIS = 5_000;

    private final Event<RevisionCommitted> committed;
    private final String url;
    private final Properties credentials = new Properties();
    private volatile boolean running;
    private volatile Connection connection;
    private Thread thread;

    RevisionListener(Event<RevisionCommitted> committed,
                     @ConfigProperty(name = "quarkus.datasource.jdbc.url") String url,
                     @ConfigProperty(name = "quarkus.datasource.username") Optional<String> user,
                     @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.committed = committed;
        this.url = url;
        user.ifPresent(u -> credentials.setProperty("user", u));
        password.ifPresent(p -> credentials.setProperty("password", p));
        credentials.setProperty("tcpKeepAlive", "true");
        credentials.setProperty("ApplicationName", "portico-revision-listener");
    }

    /** Starts listening; called once the schema is migrated. */
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = new Thread(this::listen, "portico-revision-listener");
        thread.setDaemon(true);
        thread.start();
    }

    void onShutdown(@Observes ShutdownEvent event) {
        stop();
    }

    /** Also when the start failed half-way (no ShutdownEvent then). */
    @PreDestroy
    void stop() {
        running = false;
        closeQuietly(connection);   // unblocks a waiting getNotifications
        Thread listening = thread;
        if (listening != null) {
            listening.interrupt();
        }
    }

    private void listen() {
        long backoff = 100;
        while (running) {
            try (Connection listening = new org.postgresql.Driver().connect(url, credentials)) {
                if (listening == null) {
                    throw new SQLException("not a PostgreSQL URL: " + url);
                }
                connection = listening;
                try (Statement listen = listening.createStatement()) {
                    listen.execute("LISTEN " + Revisions.CHANNEL);
                }
                backoff = 100;
                relay(listening);
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    LOG.warnf("Lost the database connection that hears revision changes (%s); reconnecting in %d ms",
                            e.getMessage(), backoff);
                    backoff = pause(backoff);
                }
            }
        }
    }

    /** Until the connection breaks: tells every notified revision, and checks when idle. */
    private void relay(Connection listening) throws SQLException {
        PGConnection notifications = listening.unwrap(PGConnection.class);
        fire(read(listening));
        while (running) {
            PGNotification[] received = notifications.getNotifications(IDLE_CHECK_MILLIS);
            long newest = -1;
            if (received != null) {
                for (PGNotification notification : received) {
                    newest = Math.max(newest, parse(notification.getParameter()));
                }
            }
            fire(newest >= 0 ? newest : read(listening));
        }
    }

    private void fire(long revision) {
        try {
            committed.fire(new RevisionCommitted(revision));
        } catch (RuntimeException e) {
            LOG.errorf(e, "An observer failed on revision %d", revision);
        }
    }

    private static long read(Connection listening) throws SQLException {
        try (Statement statement = listening.createStatement();
             ResultSet row = statement.executeQuery("SELECT revision FROM gateway_revision WHERE id = 1")) {
            return row.next() ? row.getLong(1) : 0;
        }
    }

    private static long parse(String payload) {
        try {
            return Long.parseLong(payload);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private long pause(long backoff) {
        try {
            Thread.sleep(backoff);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
        return Math.min(backoff * 2, MAX_BACKOFF_MILLIS);
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                LOG.debug("closing the listening connection failed", e);
            }
        }
    }
}
