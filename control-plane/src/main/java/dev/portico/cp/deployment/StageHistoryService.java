package dev.portico.cp.deployment;

import dev.portico.cp.audit.AuditAction;
import dev.portico.cp.audit.AuditObject;
import dev.portico.cp.audit.AuditTrail;
import dev.portico.cp.api.ApiEntity;
import dev.portico.cp.api.ApiRequests;
import dev.portico.cp.api.NumericCursor;
import dev.portico.cp.error.ProblemException;
import dev.portico.cp.paging.Page;
import dev.portico.cp.paging.PageRequest;
import dev.portico.cp.revision.Revisions;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.List;

/**
 * Every change of the deployment a stage serves goes through here, so that it is recorded (who,
 * when, why, from which to which) and the gateway revision grows with it: deploys, PATCHes of a
 * stage's deploymentId, and rollbacks.
 */
@ApplicationScoped
public class StageHistoryService {

    @Inject
    AuditTrail audit;

    @Inject
    Revisions revisions;

    /** Points a stage at a deployment inside the caller's transaction (the API must be locked). */
    void point(StageEntity stage, DeploymentEntity to, StageAction action, String actor, String reason) {
        DeploymentRef from = stage.deploymentId == null ? null
                : DeploymentEntity.<DeploymentEntity>findByIdOptional(stage.deploymentId)
                        .map(DeploymentEntity::ref).orElse(null);
        stage.deploymentId = to.id;
        stage.changed();
        StageHistoryEntry.of(stage, action, actor, reason, from, to.ref()).persist();
        revisions.bump();
    }

    /**
     * Re-points the stage at {@code deploymentId}, or by default at the deployment it served before
     * the current one; 409 NOTHING_TO_ROLL_BACK when there is none.
     */
    @Transactional
    public StageEntity rollback(String apiId, String stageName, DeploymentRequests.Rollback request, String actor) {
        ApiEntity.lock(apiId);
        StageEntity stage = StageEntity.require(apiId, stageName);
        DeploymentRequests.Rollback body = request == null ? new DeploymentRequests.Rollback(null, null) : request;
        var violations = body.check();
        DeploymentEntity target = DeploymentEntity.findIn(apiId, body.deploymentId(), violations);
        violations.throwIfAny();
        if (target == null) {
            target = previous(stage);
        }
        if (target.id.equals(stage.deploymentId)) {
            throw ProblemException.conflict("NOTHING_TO_ROLL_BACK",
                    "stage " + stage.name + " already serves deployment v" + target.version);
        }
        Integer from = stage.isLive() ? DeploymentEntity.<DeploymentEntity>findById(stage.deploymentId).version : null;
        point(stage, target, StageAction.ROLLBACK, actor, ApiRequests.emptyToNull(body.reason()));
        audit.record(AuditAction.ROLLBACK, AuditObject.STAGE, apiId + "/" + stageName, "stage " + stageName + " of API "
                + apiId + " from v" + from + " to v" + target.version
                + (body.reason() == null || body.reason().isBlank() ? "" : ": " + body.reason()));
        return stage;
    }

    /** Oldest first. */
    @Transactional
    public Page<HistoryView> history(String apiId, String stageName, PageRequest page) {
        ApiEntity.require(apiId);
        StageEntity stage = StageEntity.require(apiId, stageName);
        List<StageHistoryEntry> rows = StageHistoryEntry.<StageHistoryEntry>find("stageId = ?1 and seq > ?2",
                Sort.by("seq"), stage.id, NumericCursor.after(page, 0)).range(0, page.limit()).list();
        return Page.of(rows, page, e -> Long.toString(e.seq)).map(HistoryView::of);
    }

    private static DeploymentEntity previous(StageEntity stage) {
        StageHistoryEntry last = StageHistoryEntry.<StageHistoryEntry>find("stageId", Sort.descending("seq"), stage.id)
                .firstResult();
        if (last == null || last.fromDeploymentId == null) {
            throw ProblemException.conflict("NOTHING_TO_ROLL_BACK",
                    "stage " + stage.name + " has served no earlier deployment to roll back to");
        }
        return DeploymentEntity.findIn(stage.apiId, last.fromDeploymentId).orElseThrow(() ->
                ProblemException.conflict("NOTHING_TO_ROLL_BACK", "the previous deployment v"
                        + last.fromDeploymentVersion + " of stage " + stage.name
                        + " was deleted; name another with deploymentId"));
    }
}
