package dev.portico.cp.usageplan;

import dev.portico.cp.apikey.ApiKeyCsv;
import dev.portico.cp.apikey.KeyPlans;
import dev.portico.cp.error.FieldError;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Subscribes keys brought by a CSV import to the plans their line names. A new key holds no plan
 * yet, so the one-plan-per-API-stage rule only concerns the plans of one line among themselves.
 */
@ApplicationScoped
public class ImportedKeyPlans implements KeyPlans {

    static final String COLUMN = "usageplanIds";

    @Override
    public List<FieldError> check(List<ApiKeyCsv.Row> rows) {
        Set<String> named = rows.stream().flatMap(r -> r.planIds().stream()).collect(Collectors.toCollection(TreeSet::new));
        Set<String> known = lockInIdOrder(named);
        Map<String, List<UsagePlanStageEntity>> stages = UsagePlanStageEntity.ofPlans(List.copyOf(known)).stream()
                .collect(Collectors.groupingBy(s -> s.planId));
        List<FieldError> errors = new ArrayList<>();
        for (ApiKeyCsv.Row row : rows) {
            String field = "line " + row.line() + ": " + COLUMN;
            List<String> unknown = row.planIds().stream().filter(id -> !known.contains(id)).toList();
            if (!unknown.isEmpty()) {
                errors.add(new FieldError(field, "there is no usage plan " + String.join(", ", unknown)));
                continue;
            }
            overlap(row.planIds(), stages).ifPresent(message -> errors.add(new FieldError(field, message)));
        }
        return errors;
    }

    @Override
    public void subscribe(Map<String, List<String>> planIdsByKey) {
        if (planIdsByKey.values().stream().allMatch(List::isEmpty)) {
            return;
        }
        // The keys' rows must exist before the subscriptions (whose ids the database assigns at once) refer to them.
        SubscriptionEntity.flush();
        planIdsByKey.forEach((keyId, planIds) -> planIds.forEach(planId -> SubscriptionEntity.of(planId, keyId).persist()));
    }

    /** Locks the plans that exist, in id order (as every change of plans does), and returns their ids. */
    private static Set<String> lockInIdOrder(Set<String> ids) {
        Set<String> known = new TreeSet<>();
        for (String id : ids) {
            if (UsagePlanEntity.findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE).isPresent()) {
                known.add(id);
            }
        }
        return known;
    }

    private static Optional<String> overlap(List<String> planIds, Map<String, List<UsagePlanStageEntity>> stages) {
        Map<String, String> planOfStage = new HashMap<>();
        for (String planId : planIds) {
            for (UsagePlanStageEntity stage : stages.getOrDefault(planId, List.of())) {
                String earlier = planOfStage.putIfAbsent(stage.label(), planId);
                if (earlier != null) {
                    return Optional.of("usage plans " + earlier + " and " + planId + " both cover API stage "
                            + stage.label() + "; a key holds at most one plan per API stage");
                }
            }
        }
        return Optional.empty();
    }
}
