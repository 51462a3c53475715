package dev.portico.cp.deployment;

import dev.portico.snapshot.DeploymentContent;
import dev.portico.cp.audit.AuditAction;
import dev.portico.cp.audit.AuditObject;
import dev.portico.cp.audit.AuditTrail;
import dev.portico.cp.api.ApiDeletion;
import dev.portico.cp.api.ApiEntity;
import dev.portico.cp.api.ApiRequests;
import dev.portico.cp.api.ETags;
import dev.portico.cp.api.Violations;
import dev.portico.cp.error.ProblemException;
import dev.portico.cp.paging.Page;
import dev.portico.cp.paging.PageRequest;
import dev.portico.cp.revision.Revisions;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Stages of an API. A stage is live while it points at a deployment; changes to a live stage grow
 * the gateway revision, so nodes get them.
 */
@ApplicationScoped
public class StageService {

    @Inject
    AuditTrail audit;

    @Inject
    StageHistoryService history;

    @Inject
    Revisions revisions;

    @Inject
    InvokeUrls urls;

    @Transactional
    public StageView create(String apiId, DeploymentRequests.CreateStage request, String actor) {
        ApiEntity.lock(apiId);
        if (request == null) {
            throw ProblemException.invalid("name", "is required");
        }
        Violations violations = request.check();
        DeploymentEntity deployment = DeploymentEntity.findIn(apiId, request.deploymentId(), violations);
        violations.throwIfAny();
        if (StageEntity.count("apiId = ?1 and name = ?2", apiId, request.name()) > 0) {
            throw ProblemException.conflict("STAGE_EXISTS", "name", "this API already has a stage " + request.name());
        }
        StageEntity stage = StageEntity.create(apiId, request.name(),
                ApiRequests.emptyToNull(request.description()), request.variables());
        stage.throttles(request.throttle(), request.routeSettings());
        stage.persist();
        if (deployment != null) {
            history.point(stage, deployment, StageAction.DEPLOY, actor, null);
        }
        audit.record(AuditAction.CREATE, AuditObject.STAGE, apiId + "/" + stage.name, "stage " + stage.name + " of API " + apiId);
        return view(stage);
    }

    /** Stages in name order. */
    @Transactional
    public Page<StageView> list(String apiId, PageRequest page) {
        ApiEntity.require(apiId);
        List<StageEntity> rows = StageEntity.<StageEntity>find("apiId = ?1 and name > ?2", Sort.by("name"), apiId,
                page.afterKey()).range(0, page.limit()).list();
        Map<String, Integer> versions = versions(rows);
        return Page.of(rows, page, s -> s.name)
                .map(s -> StageView.of(s, s.isLive() ? versions.get(s.deploymentId) : null, urls));
    }

    @Transactional
    public StageView get(String apiId, String name) {
        ApiEntity.require(apiId);
        return view(StageEntity.require(apiId, name));
    }

    /**
     * Description, variables and route settings (each replaced as a whole), throttle and deploymentId;
     * absent fields keep their value. A change nodes see grows the revision; no deployment is needed.
     */
    @Transactional
    public StageView patch(String apiId, String name, String ifMatch, DeploymentRequests.PatchStage request,
                           String actor) {
        ApiEntity.lock(apiId);
        StageEntity stage = StageEntity.require(apiId, name);
        ETags.requireMatch(ifMatch, stage.revision);
        Violations violations = ApiRequests.required(request).check();
        DeploymentEntity deployment = DeploymentEntity.findIn(apiId, request.deploymentId(), violations);
        violations.throwIfAny();
        if (request.description() != null) {
            stage.description = ApiRequests.emptyToNull(request.description());
        }
        boolean liveChange = false;
        if (request.variables() != null && !request.variables().equals(stage.variables)) {
            stage.variables = Map.copyOf(request.variables());
            liveChange = stage.isLive();
        }
        if (stage.throttles(request.throttle(), request.routeSettings())) {
            liveChange = stage.isLive();
        }
        if (deployment != null && !deployment.id.equals(stage.deploymentId)) {
            history.point(stage, deployment, StageAction.DEPLOY, actor, null);
        } else {
            stage.changed();
            if (liveChange) {
                revisions.bump();
            }
        }
        audit.record(AuditAction.UPDATE, AuditObject.STAGE, apiId + "/" + name, "stage " + name + " of API " + apiId
                + ": " + String.join(", ", request.named()));
        return view(stage);
    }

    @Transactional
    public void delete(String apiId, String name) {
        ApiEntity.lock(apiId);
        StageEntity stage = StageEntity.require(apiId, name);
        stage.delete();
        audit.record(AuditAction.DELETE, AuditObject.STAGE, apiId + "/" + name, "stage " + name + " of API " + apiId);
        if (stage.isLive()) {
            revisions.bump();
        }
    }

    /** What deploying the draft now would change on the stage. */
    @Transactional
    public PendingView pending(String apiId, String name) {
        ApiEntity api = ApiEntity.require(apiId);
        StageEntity stage = StageEntity.require(apiId, name);
        DeploymentEntity served = stage.isLive() ? DeploymentEntity.findById(stage.deploymentId) : null;
        List<Change> changes = ContentDiff.between(served == null ? DeploymentContent.EMPTY : served.content(),
                Draft.content(apiId));
        return new PendingView(name, served == null ? null : served.ref(), api.revision, !changes.isEmpty(), changes);
    }

    /** What deploying the draft to a stage the API does not have yet would bring: all of it, as ADDED. */
    @Transactional
    public PendingView pendingForNewStage(String apiId, String name) {
        ApiEntity api = ApiEntity.require(apiId);
        List<Change> changes = ContentDiff.between(DeploymentContent.EMPTY, Draft.content(apiId));
        return new PendingView(name, null, api.revision, !changes.isEmpty(), changes);
    }

    @Transactional
    public StageView rollback(String apiId, String name, DeploymentRequests.Rollback request, String actor) {
        return view(history.rollback(apiId, name, request, actor));
    }

    /** Deploys to a stage, creating it when needed, inside the caller's transaction (API locked). */
    void deploy(String apiId, String name, DeploymentEntity deployment, String actor, String reason) {
        StageEntity stage = StageEntity.<StageEntity>find("apiId = ?1 and name = ?2", apiId, name).firstResultOptional()
                .orElseGet(() -> {
                    StageEntity created = StageEntity.create(apiId, name, null, Map.of());
                    created.persist();
                    return created;
                });
        history.point(stage, deployment, StageAction.DEPLOY, actor, reason);
    }

    /** Nodes must drop the stages of a deleted API. */
    void onApiDeletion(@Observes ApiDeletion deletion) {
        if (StageEntity.count("apiId = ?1 and deploymentId is not null", deletion.apiId()) > 0) {
            revisions.bump();
        }
    }

    StageView view(StageEntity stage) {
        Integer version = stage.isLive()
                ? DeploymentEntity.<DeploymentEntity>findById(stage.deploymentId).version : null;
        return StageView.of(stage, version, urls);
    }

    private static Map<String, Integer> versions(List<StageEntity> stages) {
        List<String> ids = stages.stream().map(s -> s.deploymentId).filter(id -> id != null).distinct().toList();
        if (ids.isEmpty()) {
            return Map.of();
        }
        return DeploymentEntity.<DeploymentEntity>list("id in ?1", ids).stream()
                .collect(Collectors.toMap(d -> d.id, d -> d.version));
    }
}
