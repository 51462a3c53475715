package dev.portico.cp.snapshot;

import dev.portico.cp.api.Throttle;
import dev.portico.snapshot.DeploymentContent;
import dev.portico.snapshot.SnapshotCodec;
import dev.portico.cp.deployment.RouteSettings;
import dev.portico.cp.revision.Revisions;
import dev.portico.snapshot.Cors;
import dev.portico.snapshot.Snapshot;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;

import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the live configuration from the database and compiles it into the snapshot nodes serve.
 * The fleet hub calls {@link #current()} on every revision change and pushes the result to every
 * node.
 */
@ApplicationScoped
public class SnapshotSource {

    private static final String LIVE_STAGES = """
            select a.id, a.name, a.cors, s.name, s.variables, s.rateLimit, s.burstLimit, s.routeSettings, d.id, d.version,
                   d.content
            from StageEntity s, DeploymentEntity d, ApiEntity a
            where d.id = s.deploymentId and a.id = s.apiId""";

    @Inject
    Revisions revisions;

    @Inject
    EntityManager entityManager;

    /**
     * The snapshot of the current committed revision. One read-only REPEATABLE READ transaction of
     * its own, so the revision, the stages, the keys and the plans come from the same moment; the
     * revision is read first, so a snapshot may be newer than its number, never older.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Snapshot current() {
        readOnlySnapshotIsolation();
        long revision = revisions.current();
        return SnapshotCompiler.compile(revision, liveStages(), KeysAndPlans.keys(entityManager),
                KeysAndPlans.plans(entityManager));
    }

    @SuppressWarnings("unchecked")
    private List<DeployedStage> liveStages() {
        List<Object[]> rows = entityManager.createQuery(LIVE_STAGES).getResultList();
        return rows.stream().map(row -> new DeployedStage((String) row[0], (String) row[1], (Cors) row[2],
                (String) row[3], (Map<String, String>) row[4],
                KeysAndPlans.contract(Throttle.of((Double) row[5], (Integer) row[6])),
                routeThrottles((Map<String, RouteSettings>) row[7]), (String) row[8], (Integer) row[9],
                SnapshotCodec.readContent((String) row[10]))).toList();
    }

    private static Map<String, dev.portico.snapshot.Throttle> routeThrottles(Map<String, RouteSettings> settings) {
        Map<String, dev.portico.snapshot.Throttle> throttles = new HashMap<>();
        settings.forEach((routeKey, setting) -> {
            if (setting.throttle() != null) {
                throttles.put(routeKey, setting.throttle().toContract());
            }
        });
        return throttles;
    }

    private void readOnlySnapshotIsolation() {
        // must be the transaction's first statement, hence REQUIRES_NEW above
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
            }
        });
    }
}
