package dev.portico.cp.usageplan;

import dev.portico.cp.audit.AuditAction;
import dev.portico.cp.audit.AuditObject;
import dev.portico.cp.audit.AuditTrail;
import dev.portico.cp.apikey.ApiKeyEntity;
import dev.portico.cp.error.ProblemException;
import dev.portico.cp.paging.Page;
import dev.portico.cp.paging.PageRequest;
import dev.portico.cp.revision.Revisions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.util.List;

/**
 * The API keys subscribed to a usage plan: subscribe, list, unsubscribe. Subscribing and
 * unsubscribing grow the gateway revision: nodes learn a key's plans from the snapshot.
 */
@ApplicationScoped
public class SubscriptionService {

    @Inject
    AuditTrail audit;

    static final String ALREADY_SUBSCRIBED = "KEY_ALREADY_SUBSCRIBED";

    @Inject
    Revisions revisions;

    /** A request to subscribe a key: {@code {keyId}}. */
    public record Subscribe(String keyId) {
    }

    @Transactional
    public SubscriptionView subscribe(String planId, Subscribe request) {
        UsagePlanEntity plan = UsagePlanEntity.lock(planId);
        if (request == null || request.keyId() == null || request.keyId().isBlank()) {
            throw ProblemException.invalid("keyId", "is required");
        }
        ApiKeyEntity key = ApiKeyEntity.<ApiKeyEntity>findByIdOptional(request.keyId(), LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> ProblemException.invalid("keyId", "there is no API key " + request.keyId()));
        if (SubscriptionEntity.count("planId = ?1 and keyId = ?2", planId, key.id) > 0) {
            throw ProblemException.conflict(ALREADY_SUBSCRIBED, "keyId",
                    "API key " + key.id + " is already subscribed to usage plan " + planId);
        }
        PlanConflicts.checkSubscribe(planId, key.id);
        SubscriptionEntity.of(planId, key.id).persist();
        revisions.bump();
        audit.record(AuditAction.SUBSCRIBE, AuditObject.USAGE_PLAN, planId, "API key " + key.name + " (" + key.id
                + ") subscribed to usage plan " + plan.name);
        return SubscriptionView.of(key);
    }

    @Transactional
    public Page<SubscriptionView> list(String planId, PageRequest page) {
        UsagePlanEntity.require(planId);
        List<ApiKeyEntity> rows = ApiKeyEntity.getEntityManager()
                .createQuery("select k from ApiKeyEntity k, SubscriptionEntity s where s.keyId = k.id "
                        + "and s.planId = :plan and k.id > :after order by k.id", ApiKeyEntity.class)
                .setParameter("plan", planId)
                .setParameter("after", page.afterKey())
                .setMaxResults(page.limit() + 1)
                .getResultList();
        return Page.of(rows, page, k -> k.id).map(SubscriptionView::of);
    }

    @Transactional
    public SubscriptionView get(String planId, String keyId) {
        UsagePlanEntity.require(planId);
        requireSubscription(planId, keyId);
        return SubscriptionView.of(ApiKeyEntity.require(keyId));
    }

    @Transactional
    public void unsubscribe(String planId, String keyId) {
        UsagePlanEntity plan = UsagePlanEntity.lock(planId);
        requireSubscription(planId, keyId).delete();
        revisions.bump();
        audit.record(AuditAction.UNSUBSCRIBE, AuditObject.USAGE_PLAN, planId, "API key " + keyId
                + " unsubscribed from usage plan " + plan.name);
    }

    private static SubscriptionEntity requireSubscription(String planId, String keyId) {
        return SubscriptionEntity.<SubscriptionEntity>find("planId = ?1 and keyId = ?2", planId, keyId)
                .firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("API key " + keyId + " in usage plan " + planId));
    }
}
