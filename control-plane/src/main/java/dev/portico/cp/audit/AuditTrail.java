package dev.portico.cp.audit;

import dev.portico.cp.api.NumericCursor;
import dev.portico.cp.api.Timestamped;
import dev.portico.cp.paging.Page;
import dev.portico.cp.paging.PageRequest;
import io.quarkus.arc.Arc;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.List;

/**
 * The audit log. Services record each change inside their own transaction (MANDATORY), so the
 * entry is committed with the change and rolled back with it: a refused change leaves none.
 */
@ApplicationScoped
public class AuditTrail {

    private static final int MAX_SUMMARY = 1000;

    @Inject
    Actor actor;

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(AuditAction action, AuditObject objectType, String objectId, String summary) {
        AuditEvent event = new AuditEvent();
        event.at = Timestamped.now();
        event.actor = who();
        event.action = action;
        event.objectType = objectType;
        event.objectId = objectId;
        event.summary = summary.length() > MAX_SUMMARY ? summary.substring(0, MAX_SUMMARY - 1) + "…" : summary;
        event.persist();
    }

    /** Newest first. */
    @Transactional
    public Page<AuditEventView> list(AuditFilter filter, PageRequest page) {
        StringBuilder query = new StringBuilder("id < :after");
        Parameters params = Parameters.with("after", NumericCursor.after(page, Long.MAX_VALUE));
        if (filter.actor() != null) {
            query.append(" and actor = :actor");
            params.and("actor", filter.actor());
        }
        if (filter.objectType() != null) {
            query.append(" and objectType = :type");
            params.and("type", filter.objectType());
        }
        List<AuditEvent> rows = AuditEvent.<AuditEvent>find(query.toString(), Sort.descending("id"), params)
                .range(0, page.limit()).list();
        return Page.of(rows, page, e -> Long.toString(e.id)).map(AuditEventView::of);
    }

    private String who() {
        return Arc.container().requestContext().isActive() ? actor.name() : Actor.SYSTEM;
    }
}
