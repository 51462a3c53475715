package dev.portico.cp.fleet;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** What another control-plane replica does to the shared database when it changes live config. */
final class OtherReplica {

    private OtherReplica() {
    }

    /** Bumps the revision on a connection of its own, as {@code Revisions.bump()} does, and commits. */
    static long bump(String jdbcUrl) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, "postgres", "")) {
            connection.setAutoCommit(false);
            long revision;
            try (PreparedStatement bump = connection.prepareStatement(
                    "UPDATE gateway_revision SET revision = revision + 1, changed_at = now() WHERE id = 1 RETURNING revision");
                 ResultSet row = bump.executeQuery()) {
                row.next();
                revision = row.getLong(1);
            }
            try (PreparedStatement notify = connection.prepareStatement("SELECT pg_notify('portico_revision', ?)")) {
                notify.setString(1, Long.toString(revision));
                notify.executeQuery().close();
            }
            connection.commit();
            return revision;
        }
    }
}
