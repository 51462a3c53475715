package dev.portico.cp.deployment;

import dev.portico.snapshot.DeploymentContent;
import dev.portico.cp.audit.AuditAction;
import dev.portico.cp.audit.AuditObject;
import dev.portico.cp.audit.AuditTrail;
import dev.portico.cp.api.ApiEntity;
import dev.portico.cp.api.ApiRequests;
import dev.portico.cp.api.NumericCursor;
import dev.portico.cp.error.ProblemException;
import dev.portico.cp.paging.Page;
import dev.portico.cp.paging.PageRequest;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.List;

/** Deployments: frozen, numbered copies of an API's draft. Never edited; deleted only when no stage serves them. */
@ApplicationScoped
public class DeploymentService {

    @Inject
    AuditTrail audit;

    @Inject
    StageService stages;

    /** Freezes the draft into a new deployment and, with a stage name, serves it on that stage. */
    @Transactional
    public DeploymentDetail deploy(String apiId, DeploymentRequests.Deploy request, String actor) {
        ApiEntity api = ApiEntity.lock(apiId);
        DeploymentRequests.Deploy body = request == null ? new DeploymentRequests.Deploy(null, null) : request;
        body.validate();
        DeploymentContent content = Draft.content(apiId);
        String description = ApiRequests.emptyToNull(body.description());
        DeploymentEntity deployment = DeploymentEntity.create(apiId, api.nextDeploymentVersion(), description,
                content, actor);
        deployment.persist();
        if (body.stageName() != null) {
            stages.deploy(apiId, body.stageName(), deployment, actor, description);
        }
        audit.record(AuditAction.DEPLOY, AuditObject.DEPLOYMENT, deployment.id, "v" + deployment.version + " of API "
                + api.name + " (" + apiId + ")" + (body.stageName() == null ? "" : " to stage " + body.stageName())
                + (description == null ? "" : ": " + description));
        return DeploymentDetail.of(deployment, content);
    }

    /** Newest first. */
    @Transactional
    public Page<DeploymentView> list(String apiId, PageRequest page) {
        ApiEntity.require(apiId);
        int before = (int) Math.min(NumericCursor.after(page, Integer.MAX_VALUE), Integer.MAX_VALUE);
        List<DeploymentEntity> rows = DeploymentEntity.<DeploymentEntity>find("apiId = ?1 and version < ?2",
                Sort.descending("version"), apiId, before).range(0, page.limit()).list();
        return Page.of(rows, page, d -> Integer.toString(d.version)).map(DeploymentView::of);
    }

    @Transactional
    public DeploymentDetail get(String apiId, String id) {
        ApiEntity.require(apiId);
        DeploymentEntity deployment = DeploymentEntity.require(apiId, id);
        return DeploymentDetail.of(deployment, deployment.content());
    }

    /** 409 DEPLOYMENT_IN_USE while a stage serves it. */
    @Transactional
    public void delete(String apiId, String id) {
        ApiEntity.lock(apiId);
        DeploymentEntity deployment = DeploymentEntity.require(apiId, id);
        List<String> users = StageEntity.<StageEntity>find("deploymentId", Sort.by("name"), id).stream()
                .map(s -> s.name).toList();
        if (!users.isEmpty()) {
            throw ProblemException.conflict("DEPLOYMENT_IN_USE", "deployment v" + deployment.version
                    + " is served by stage(s) " + String.join(", ", users)
                    + "; point them at another deployment first");
        }
        deployment.delete();
        audit.record(AuditAction.DELETE, AuditObject.DEPLOYMENT, id, "v" + deployment.version + " of API " + apiId);
    }

    /** What changed from deployment {@code baseId} to deployment {@code id}. */
    @Transactional
    public DiffView diff(String apiId, String id, String baseId) {
        ApiEntity.require(apiId);
        DeploymentEntity target = DeploymentEntity.require(apiId, id);
        if (baseId == null || baseId.isBlank()) {
            throw ProblemException.invalid("base", "is required: the id of the deployment to compare with");
        }
        DeploymentEntity base = DeploymentEntity.require(apiId, baseId);
        return new DiffView(base.ref(), target.ref(), ContentDiff.between(base.content(), target.content()));
    }
}
