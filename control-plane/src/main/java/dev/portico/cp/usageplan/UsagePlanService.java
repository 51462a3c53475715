package dev.portico.cp.usageplan;

import dev.portico.cp.audit.AuditAction;
import dev.portico.cp.audit.AuditObject;
import dev.portico.cp.audit.AuditTrail;
import dev.portico.cp.api.ApiRequests;
import dev.portico.cp.api.ETags;
import dev.portico.cp.api.Violations;
import dev.portico.cp.apikey.ApiKeyEntity;
import dev.portico.cp.paging.Page;
import dev.portico.cp.paging.PageRequest;
import dev.portico.cp.revision.Revisions;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Usage plans: create, read, change, delete. Every change grows the gateway revision in its own
 * transaction: plans reach the nodes in the snapshot, without any deployment.
 */
@ApplicationScoped
public class UsagePlanService {

    @Inject
    AuditTrail audit;

    @Inject
    Revisions revisions;

    @Transactional
    public UsagePlanView create(UsagePlanRequests.Create request) {
        ApiRequests.required(request);
        Violations violations = new Violations();
        request.check(violations);
        List<ApiStage> apiStages = request.apiStages() == null ? List.of() : request.apiStages();
        ApiStageCheck.check(apiStages, violations);
        violations.throwIfAny();
        UsagePlanEntity plan = UsagePlanEntity.create(request.name().strip(),
                ApiRequests.emptyToNull(request.description()));
        plan.throttle(request.throttle());
        plan.quota(request.quota());
        plan.persist();
        List<UsagePlanStageEntity> stages = replaceStages(plan.id, apiStages);
        revisions.bump();
        audit.record(AuditAction.CREATE, AuditObject.USAGE_PLAN, plan.id, "usage plan " + plan.name);
        return UsagePlanView.of(plan, stages);
    }

    @Transactional
    public Page<UsagePlanView> list(PageRequest page) {
        List<UsagePlanEntity> rows = UsagePlanEntity.<UsagePlanEntity>find("id > ?1", Sort.by("id"), page.afterKey())
                .range(0, page.limit()).list();
        Page<UsagePlanEntity> plans = Page.of(rows, page, p -> p.id);
        Map<String, List<UsagePlanStageEntity>> stages = UsagePlanStageEntity
                .ofPlans(plans.items().stream().map(p -> p.id).toList()).stream()
                .collect(Collectors.groupingBy(s -> s.planId));
        return plans.map(p -> UsagePlanView.of(p, stages.getOrDefault(p.id, List.of())));
    }

    @Transactional
    public UsagePlanView get(String id) {
        return view(UsagePlanEntity.require(id));
    }

    @Transactional
    public UsagePlanView patch(String id, String ifMatch, UsagePlanRequests.Patch request) {
        UsagePlanEntity plan = UsagePlanEntity.lock(id);
        ETags.requireMatch(ifMatch, plan.revision);
        ApiRequests.required(request);
        Violations violations = new Violations();
        request.check(violations);
        if (request.apiStages() != null) {
            ApiStageCheck.check(request.apiStages(), violations);
        }
        violations.throwIfAny();
        if (request.apiStages() != null) {
            lockSubscribedKeys(id);
            PlanConflicts.checkStages(id, request.apiStages().stream().map(ApiStage::label).toList());
            replaceStages(id, request.apiStages());
        }
        if (request.name() != null) {
            plan.name = request.name().strip();
        }
        if (request.description() != null) {
            plan.description = ApiRequests.emptyToNull(request.description());
        }
        if (request.throttle() != null) {
            plan.throttle(request.throttle());
        }
        if (request.quota() != null) {
            plan.quota(request.quota());
        }
        plan.changed();
        revisions.bump();
        audit.record(AuditAction.UPDATE, AuditObject.USAGE_PLAN, plan.id, "usage plan " + plan.name);
        return view(plan);
    }

    /** Also ends every subscription to the plan (the database cascades). */
    @Transactional
    public void delete(String id) {
        UsagePlanEntity plan = UsagePlanEntity.lock(id);
        plan.delete();
        revisions.bump();
        audit.record(AuditAction.DELETE, AuditObject.USAGE_PLAN, id, "usage plan " + plan.name);
    }

    private static UsagePlanView view(UsagePlanEntity plan) {
        return UsagePlanView.of(plan, UsagePlanStageEntity.ofPlans(List.of(plan.id)));
    }

    private static List<UsagePlanStageEntity> replaceStages(String planId, List<ApiStage> apiStages) {
        UsagePlanStageEntity.delete("planId", planId);
        List<UsagePlanStageEntity> rows = new ArrayList<>();
        for (int i = 0; i < apiStages.size(); i++) {
            UsagePlanStageEntity row = UsagePlanStageEntity.of(planId, i, apiStages.get(i));
            row.persist();
            rows.add(row);
        }
        return rows;
    }

    /** Keys are locked after the plan, in id order, as subscribing does; see {@link UsagePlanEntity#lock}. */
    private static void lockSubscribedKeys(String planId) {
        ApiKeyEntity.getEntityManager()
                .createQuery("select k from ApiKeyEntity k where k.id in "
                        + "(select s.keyId from SubscriptionEntity s where s.planId = :plan) order by k.id", ApiKeyEntity.class)
                .setParameter("plan", planId)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
    }
}
