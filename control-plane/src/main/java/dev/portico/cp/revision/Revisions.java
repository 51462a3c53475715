package dev.portico.cp.revision;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/**
 * The gateway's revision: one number that grows with every change of live configuration (deploy,
 * rollback, stage settings, …). Nodes report the revision they serve.
 *
 * <p>{@link #bump()} runs inside the caller's transaction, so the new revision becomes visible — and
 * nodes are told (PostgreSQL NOTIFY, delivered on commit, to every control-plane replica) — exactly
 * when the change itself commits; a rolled-back change bumps nothing and tells no one.
 */
@ApplicationScoped
public class Revisions {

    /** The PostgreSQL notification channel; the payload is the new revision. */
    public static final String CHANNEL = "portico_revision";

    private static final String BUMP = """
            UPDATE gateway_revision SET revision = revision + 1, changed_at = now()
            WHERE id = 1 RETURNING revision""";
    private static final String NOTIFY = "SELECT pg_notify('" + CHANNEL + "', ?)";
    private static final String READ = "SELECT revision, changed_at FROM gateway_revision WHERE id = 1";

    private final AgroalDataSource dataSource;

    Revisions(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Increments the revision inside the current transaction and returns the new value. The row
     * lock it takes also orders concurrent changes: revisions commit in the order they were taken.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public long bump() {
        // Inside a transaction the pool hands out the transaction's own connection.
        try (Connection connection = dataSource.getConnection()) {
            long revision;
            try (PreparedStatement bump = connection.prepareStatement(BUMP); ResultSet row = bump.executeQuery()) {
                row.next();
                revision = row.getLong(1);
            }
            try (PreparedStatement notify = connection.prepareStatement(NOTIFY)) {
                notify.setString(1, Long.toString(revision));
                notify.executeQuery().close();
            }
            return revision;
        } catch (SQLException e) {
            throw new IllegalStateException("could not bump the gateway revision", e);
        }
    }

    /** The committed revision (or, inside a transaction that bumped it, the transaction's own). */
    public long current() {
        return read().revision();
    }

    /** The revision with the time it last changed. */
    public Revision read() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement read = connection.prepareStatement(READ);
             ResultSet row = read.executeQuery()) {
            row.next();
            return new Revision(row.getLong(1), row.getTimestamp(2).toInstant());
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the gateway revision", e);
        }
    }

    /** A revision and when it became current. */
    public record Revision(long revision, Instant changedAt) {
    }
}
