package dev.portico.cp.node;

import dev.portico.cp.api.Timestamped;
import dev.portico.cp.error.ProblemException;
import dev.portico.cp.paging.Page;
import dev.portico.cp.paging.PageRequest;
import dev.portico.cp.revision.Revisions;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;

/** What the fleet hub hears from nodes, recorded so that every replica (and the admin API) sees it. */
@ApplicationScoped
public class FleetNodes {

    /** Longer errors are cut: a node's report must not bloat the table. */
    static final int MAX_ERROR_LENGTH = 4000;

    private final EntityManager entityManager;
    private final Revisions revisions;

    FleetNodes(EntityManager entityManager, Revisions revisions) {
        this.entityManager = entityManager;
        this.revisions = revisions;
    }

    /** A node said hello on the connection {@code sessionId}. */
    @Transactional
    public void connected(String id, String sessionId, String address, String version, long appliedRevision) {
        Instant now = Timestamped.now();
        entityManager.createNativeQuery("""
                        INSERT INTO fleet_node (id, address, version, applied_revision, connected, session_id,
                                                connected_at, last_heartbeat)
                        VALUES (?1, ?2, ?3, ?4, true, ?5, ?6, ?6)
                        ON CONFLICT (id) DO UPDATE SET address = excluded.address, version = excluded.version,
                            applied_revision = excluded.applied_revision, connected = true,
                            session_id = excluded.session_id, connected_at = excluded.connected_at,
                            last_heartbeat = excluded.last_heartbeat""")
                .setParameter(1, id)
                .setParameter(2, address)
                .setParameter(3, version)
                .setParameter(4, appliedRevision)
                .setParameter(5, sessionId)
                .setParameter(6, now)
                .executeUpdate();
    }

    @Transactional
    public void applied(String id, long revision) {
        FleetNode.update("appliedRevision = ?1, lastHeartbeat = ?2, lastError = null where id = ?3",
                revision, Timestamped.now(), id);
    }

    @Transactional
    public void rejected(String id, long revision, List<String> problems) {
        String error = "revision " + revision + " rejected: " + String.join("; ", problems);
        FleetNode.update("lastHeartbeat = ?1, lastError = ?2 where id = ?3",
                Timestamped.now(), error.length() > MAX_ERROR_LENGTH ? error.substring(0, MAX_ERROR_LENGTH) : error, id);
    }

    @Transactional
    public void heartbeat(String id, long appliedRevision) {
        FleetNode.update("appliedRevision = ?1, lastHeartbeat = ?2 where id = ?3", appliedRevision,
                Timestamped.now(), id);
    }

    /** The connection closed; a node that reconnected meanwhile (a newer session) stays connected. */
    @Transactional
    public void disconnected(String id, String sessionId) {
        FleetNode.update("connected = false, sessionId = null where id = ?1 and sessionId = ?2", id, sessionId);
    }

    @Transactional
    public Page<NodeView> list(PageRequest page) {
        List<FleetNode> rows = FleetNode.<FleetNode>find("id > ?1", Sort.by("id"), page.afterKey())
                .range(0, page.limit()).list();
        long current = revisions.current();
        Instant now = Instant.now();
        return Page.of(rows, page, n -> n.id).map(n -> NodeView.of(n, current, now));
    }

    @Transactional
    public NodeView get(String id) {
        FleetNode node = FleetNode.findById(id);
        if (node == null) {
            throw ProblemException.notFound("node " + id);
        }
        return NodeView.of(node, revisions.current(), Instant.now());
    }
}
