package dev.portico.cp.snapshot;

import dev.portico.cp.api.Throttle;
import dev.portico.snapshot.PlanStage;
import dev.portico.snapshot.Quota;
import dev.portico.snapshot.QuotaPeriod;
import jakarta.persistence.EntityManager;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Reads every API key and usage plan for {@link SnapshotSource}, inside its transaction. */
final class KeysAndPlans {

    private static final String KEYS = "select k.id, k.keyHash, k.enabled from ApiKeyEntity k";
    private static final String SUBSCRIPTIONS = "select s.keyId, s.planId from SubscriptionEntity s";
    private static final String PLANS = """
            select p.id, p.rateLimit, p.burstLimit, p.quotaLimit, p.quotaPeriod, p.quotaOffset
            from UsagePlanEntity p""";
    private static final String PLAN_STAGES = """
            select st.planId, st.apiId, st.stage, st.throttle from UsagePlanStageEntity st""";

    private KeysAndPlans() {
    }

    static List<StoredKey> keys(EntityManager entityManager) {
        Map<String, List<String>> plansOfKey = rows(entityManager, SUBSCRIPTIONS).stream().collect(
                Collectors.groupingBy(row -> (String) row[0], Collectors.mapping(row -> (String) row[1], Collectors.toList())));
        return rows(entityManager, KEYS).stream()
                .map(row -> new StoredKey((String) row[0], ((String) row[1]).trim(), (Boolean) row[2],
                        plansOfKey.getOrDefault((String) row[0], List.of())))
                .toList();
    }

    @SuppressWarnings("unchecked")
    static List<StoredPlan> plans(EntityManager entityManager) {
        Map<String, List<PlanStage>> stagesOfPlan = new HashMap<>();
        for (Object[] row : rows(entityManager, PLAN_STAGES)) {
            stagesOfPlan.computeIfAbsent((String) row[0], id -> new ArrayList<>())
                    .add(new PlanStage((String) row[1], (String) row[2], contract((Map<String, Throttle>) row[3])));
        }
        return rows(entityManager, PLANS).stream()
                .map(row -> new StoredPlan((String) row[0], contract(Throttle.of((Double) row[1], (Integer) row[2])),
                        quota((Long) row[3], (String) row[4], (Integer) row[5]),
                        stagesOfPlan.getOrDefault((String) row[0], List.of())))
                .toList();
    }

    /** Per route key, as nodes see them. */
    static Map<String, dev.portico.snapshot.Throttle> contract(Map<String, Throttle> throttles) {
        return throttles.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().toContract()));
    }

    static dev.portico.snapshot.Throttle contract(Throttle throttle) {
        return throttle == null ? null : throttle.toContract();
    }

    private static Quota quota(Long limit, String period, Integer offset) {
        return limit == null ? null : new Quota(limit, QuotaPeriod.valueOf(period), offset);
    }

    @SuppressWarnings("unchecked")
    private static List<Object[]> rows(EntityManager entityManager, String query) {
        return entityManager.createQuery(query).getResultList();
    }
}
