package dev.portico.cp.console;

import dev.portico.cp.apikey.ApiKeyView;
import dev.portico.cp.usageplan.SubscriptionService;
import dev.portico.cp.usageplan.SubscriptionView;
import dev.portico.cp.usageplan.UsagePlanService;
import dev.portico.cp.usageplan.UsagePlanView;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which plans each key is subscribed to, read plan by plan through the services the admin API uses
 * (a console page shows at most one page of plans and keys).
 */
@ApplicationScoped
public class KeySubscriptions {

    private final UsagePlanService plans;
    private final SubscriptionService subscriptions;

    KeySubscriptions(UsagePlanService plans, SubscriptionService subscriptions) {
        this.plans = plans;
        this.subscriptions = subscriptions;
    }

    List<UsagePlanView> plans() {
        return plans.list(ApiHeaders.ALL).items();
    }

    List<KeyRow> rows(List<ApiKeyView> keys) {
        Map<String, List<UsagePlanView>> byKey = byKey();
        return keys.stream().map(k -> new KeyRow(k, byKey.getOrDefault(k.id(), List.of()))).toList();
    }

    KeyRow row(ApiKeyView key) {
        return new KeyRow(key, byKey().getOrDefault(key.id(), List.of()));
    }

    List<SubscriptionView> keysOf(String planId) {
        return subscriptions.list(planId, ApiHeaders.ALL).items();
    }

    private Map<String, List<UsagePlanView>> byKey() {
        Map<String, List<UsagePlanView>> byKey = new HashMap<>();
        for (UsagePlanView plan : plans()) {
            for (SubscriptionView key : keysOf(plan.id())) {
                byKey.computeIfAbsent(key.keyId(), id -> new ArrayList<>()).add(plan);
            }
        }
        return byKey;
    }
}
