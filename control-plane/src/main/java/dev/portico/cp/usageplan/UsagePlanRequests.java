package dev.portico.cp.usageplan;

import dev.portico.cp.api.Throttle;
import dev.portico.cp.api.Violations;

import java.util.List;

/** The bodies of POST and PATCH on {@code /usage-plans}. */
public final class UsagePlanRequests {

    public static final int MAX_NAME = 128;
    public static final int MAX_DESCRIPTION = 1024;

    private UsagePlanRequests() {
    }

    /** POST {@code {name, description?, throttle?, quota?, apiStages?}}. */
    public record Create(String name, String description, Throttle throttle, Quota quota, List<ApiStage> apiStages) {

        void check(Violations violations) {
            violations.text("name", name, MAX_NAME, true).text("description", description, MAX_DESCRIPTION, false);
            checkParts(violations, throttle, quota);
        }
    }

    /**
     * PATCH: absent (or null) fields keep their value; {@code throttle}, {@code quota} and
     * {@code apiStages} replace the whole part ({@code {}} removes a throttle or quota, {@code []}
     * every API stage); an empty description clears it.
     */
    public record Patch(String name, String description, Throttle throttle, Quota quota, List<ApiStage> apiStages) {

        void check(Violations violations) {
            violations.text("description", description, MAX_DESCRIPTION, false);
            if (name != null) {
                violations.text("name", name, MAX_NAME, true);
            }
            checkParts(violations, throttle, quota);
        }
    }

    private static void checkParts(Violations violations, Throttle throttle, Quota quota) {
        if (throttle != null && !throttle.none()) {
            throttle.check("throttle", violations);
        }
        if (quota != null && !quota.none()) {
            quota.check("quota", violations);
        }
    }
}
