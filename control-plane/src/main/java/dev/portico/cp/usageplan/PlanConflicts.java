package dev.portico.cp.usageplan;

import dev.portico.cp.error.ProblemException;

import java.util.List;
import java.util.Set;

/** The rule "a key holds at most one plan per API stage", checked before a change is written. */
final class PlanConflicts {

    static final String CODE = "KEY_PLAN_CONFLICT";

    private PlanConflicts() {
    }

    /** Subscribing {@code keyId} to {@code planId}: no other plan of the key may cover a stage of this one. */
    static void checkSubscribe(String planId, String keyId) {
        List<Object[]> clashes = UsagePlanEntity.getEntityManager().createQuery(
                        "select mine.planId, mine.apiId, mine.stage from SubscriptionEntity held, "
                                + "UsagePlanStageEntity mine, UsagePlanStageEntity wanted "
                                + "where held.keyId = :key and held.planId <> :plan and mine.planId = held.planId "
                                + "and wanted.planId = :plan and wanted.apiId = mine.apiId and wanted.stage = mine.stage "
                                + "order by mine.apiId, mine.stage", Object[].class)
                .setParameter("key", keyId).setParameter("plan", planId).setMaxResults(1).getResultList();
        if (!clashes.isEmpty()) {
            Object[] clash = clashes.get(0);
            throw ProblemException.conflict(CODE, "keyId", "API key " + keyId + " already has usage plan " + clash[0]
                    + " for API stage " + clash[1] + "/" + clash[2] + "; a key holds at most one plan per API stage");
        }
    }

    /**
     * Giving {@code planId} the API stages {@code labels} ("apiId/stage"): no key subscribed to it
     * may hold another plan covering one of them.
     */
    static void checkStages(String planId, List<String> labels) {
        Set<String> wanted = Set.copyOf(labels);
        List<Object[]> held = UsagePlanEntity.getEntityManager().createQuery(
                        "select other.keyId, other.planId, stage.apiId, stage.stage from SubscriptionEntity mine, "
                                + "SubscriptionEntity other, UsagePlanStageEntity stage where mine.planId = :plan "
                                + "and other.keyId = mine.keyId and other.planId <> :plan and stage.planId = other.planId "
                                + "order by other.keyId, stage.apiId, stage.stage", Object[].class)
                .setParameter("plan", planId).getResultList();
        for (Object[] row : held) {
            String label = row[2] + "/" + row[3];
            if (wanted.contains(label)) {
                throw ProblemException.conflict(CODE, "apiStages[" + labels.indexOf(label) + "]",
                        "API key " + row[0] + " is subscribed to this plan and to usage plan " + row[1]
                                + ", which covers API stage " + label + "; a key holds at most one plan per API stage");
            }
        }
    }
}
