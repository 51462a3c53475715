package dev.portico.cp.usage;

import dev.portico.cp.api.Violations;
import dev.portico.cp.error.ProblemException;
import dev.portico.cp.usageplan.UsagePlanEntity;
import dev.portico.snapshot.Quota;
import dev.portico.snapshot.QuotaPeriod;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The usage report of a plan: what each subscribed key used, per day. */
@ApplicationScoped
public class PlanUsageService {

    private static final String SUBSCRIBED = """
            select k.id, k.name from ApiKeyEntity k, SubscriptionEntity s
            where s.keyId = k.id and s.planId = :plan order by k.id""";
    private static final String USED = """
            SELECT key_id, to_char(day, 'YYYY-MM-DD'), used FROM usage_day
            WHERE plan_id = ?1 AND day BETWEEN CAST(?2 AS date) AND CAST(?3 AS date)""";

    private final EntityManager entityManager;

    PlanUsageService(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** 404 for an unknown plan; 400 naming every bad parameter (a keyId not subscribed to the plan too). */
    @Transactional
    public PlanUsageView usage(String planId, String startDate, String endDate, String keyId) {
        UsagePlanEntity plan = UsagePlanEntity.<UsagePlanEntity>findByIdOptional(planId)
                .orElseThrow(() -> ProblemException.notFound("usage plan " + planId));
        Violations violations = new Violations();
        UsageQuery query = UsageQuery.parse(startDate, endDate, keyId, violations);
        List<Object[]> keys = subscribedKeys(planId, query.keyId());
        if (query.keyId() != null && keys.isEmpty()) {
            violations.add("keyId", "API key " + query.keyId() + " is not subscribed to usage plan " + planId);
        }
        violations.throwIfAny();
        Quota quota = plan.quotaLimit == null ? null
                : new Quota(plan.quotaLimit, QuotaPeriod.valueOf(plan.quotaPeriod), plan.quotaOffset);
        // With a quota, days before the range in its first period count towards what remains.
        LocalDate from = quota == null ? query.startDate() : quota.periodStart(query.startDate());
        Map<String, Map<LocalDate, Long>> used = used(planId, from, query.endDate());
        List<PlanUsageView.KeyUsage> items = new ArrayList<>();
        for (Object[] key : keys) {
            String id = (String) key[0];
            items.add(new PlanUsageView.KeyUsage(id, (String) key[1],
                    days(used.getOrDefault(id, Map.of()), quota, from, query)));
        }
        return new PlanUsageView(planId, query.startDate(), query.endDate(), items);
    }

    private static List<PlanUsageView.DayUsage> days(Map<LocalDate, Long> used, Quota quota, LocalDate from,
                                                     UsageQuery query) {
        List<PlanUsageView.DayUsage> days = new ArrayList<>();
        long usedInPeriod = 0;
        for (LocalDate day = from; !day.isAfter(query.endDate()); day = day.plusDays(1)) {
            long usedThatDay = used.getOrDefault(day, 0L);
            if (quota != null && quota.periodStart(day).equals(day)) {
                usedInPeriod = 0;
            }
            usedInPeriod += usedThatDay;
            if (!day.isBefore(query.startDate())) {
                Long remaining = quota == null ? null : Math.max(0, quota.limit() - usedInPeriod);
                days.add(new PlanUsageView.DayUsage(day, usedThatDay, remaining));
            }
        }
        return days;
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> subscribedKeys(String planId, String keyId) {
        List<Object[]> keys = entityManager.createQuery(SUBSCRIBED).setParameter("plan", planId).getResultList();
        return keyId == null ? keys : keys.stream().filter(k -> keyId.equals(k[0])).toList();
    }

    /** Key id → day → requests, for the days from {@code from} to {@code to} (inclusive). */
    @SuppressWarnings("unchecked")
    private Map<String, Map<LocalDate, Long>> used(String planId, LocalDate from, LocalDate to) {
        List<Object[]> rows = entityManager.createNativeQuery(USED)
                .setParameter(1, planId)
                .setParameter(2, from.toString())
                .setParameter(3, to.toString())
                .getResultList();
        Map<String, Map<LocalDate, Long>> used = new HashMap<>();
        for (Object[] row : rows) {
            used.computeIfAbsent((String) row[0], id -> new HashMap<>())
                    .put(LocalDate.parse((String) row[1]), ((Number) row[2]).longValue());
        }
        return used;
    }
}
