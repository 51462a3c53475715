package dev.portico.cp.usageplan;

import dev.portico.cp.apikey.ApiKeyEntity;

/** A key subscribed to a plan, as the plan's {@code /keys} collection shows it. */
public record SubscriptionView(String keyId, String name, boolean enabled, String displayPrefix) {

    static SubscriptionView of(ApiKeyEntity key) {
        return new SubscriptionView(key.id, key.name, key.enabled, key.displayPrefix);
    }
}
