package dev.portico.cp.audit;

import java.time.Instant;

/** One entry of {@code GET /admin/v1/audit-events}. */
public record AuditEventView(long id, Instant at, String actor, AuditAction action, AuditObject objectType,
                             String objectId, String summary) {

    static AuditEventView of(AuditEvent e) {
        return new AuditEventView(e.id, e.at, e.actor, e.action, e.objectType, e.objectId, e.summary);
    }
}
