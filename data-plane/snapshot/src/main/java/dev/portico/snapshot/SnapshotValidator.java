package dev.portico.snapshot;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a snapshot before a node compiles it: a known schema major, unique names, parseable
 * route keys, routes pointing at integrations that exist, content hashes that match, sane throttles
 * and quotas, and keys subscribed only to plans that exist.
 */
public final class SnapshotValidator {

    /** The schema majors this build can serve. */
    public static final Set<Integer> KNOWN_MAJORS = Set.of(1);

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    private SnapshotValidator() {
    }

    /** Throws {@link InvalidSnapshotException} listing every problem, or returns the snapshot. */
    public static Snapshot requireValid(Snapshot snapshot) {
        List<String> problems = problems(snapshot);
        if (!problems.isEmpty()) {
            throw new InvalidSnapshotException(problems);
        }
        return snapshot;
    }

    public static List<String> problems(Snapshot snapshot) {
        List<String> problems = new ArrayList<>();
        if (!KNOWN_MAJORS.contains(snapshot.schemaMajor())) {
            problems.add("unsupported snapshot schema version \"" + snapshot.schemaVersion()
                    + "\"; this node understands major version(s) " + KNOWN_MAJORS);
            return problems;
        }
        if (snapshot.revision() < 0) {
            problems.add("revision must not be negative");
        }
        Set<String> apiIds = new HashSet<>();
        for (Api api : snapshot.apis()) {
            if (api.id() == null || !apiIds.add(api.id())) {
                problems.add("api id missing or repeated: " + api.id());
            }
            checkStages(api, problems);
        }
        Set<String> planIds = checkPlans(snapshot.usagePlans(), problems);
        checkKeys(snapshot.apiKeys(), planIds, problems);
        return problems;
    }

    private static Set<String> checkPlans(List<UsagePlan> plans, List<String> problems) {
        Set<String> ids = new HashSet<>();
        for (UsagePlan plan : plans) {
            String where = "usage plan " + plan.id();
            if (plan.id() == null || !ids.add(plan.id())) {
                problems.add(where + ": id missing or repeated");
            }
            checkThrottle(where, plan.throttle(), problems);
            checkQuota(where, plan.quota(), problems);
            for (PlanStage stage : plan.apiStages()) {
                stage.throttle().forEach((routeKey, throttle) -> {
                    checkRouteKey(where + " " + stage.label(), routeKey, problems);
                    checkThrottle(where + " " + stage.label() + " " + routeKey, throttle, problems);
                });
            }
        }
        return ids;
    }

    private static void checkKeys(List<ApiKey> keys, Set<String> planIds, List<String> problems) {
        Set<String> ids = new HashSet<>();
        Set<String> hashes = new HashSet<>();
        for (ApiKey key : keys) {
            String where = "API key " + key.id();
            if (key.id() == null || !ids.add(key.id())) {
                problems.add(where + ": id missing or repeated");
            }
            if (key.keyHash() == null || !SHA256_HEX.matcher(key.keyHash()).matches() || !hashes.add(key.keyHash())) {
                problems.add(where + ": key hash missing, not lowercase SHA-256 hex, or repeated");
            }
            for (String planId : key.usagePlanIds()) {
                if (!planIds.contains(planId)) {
                    problems.add(where + ": subscribed to unknown usage plan " + planId);
                }
            }
        }
    }

    private static void checkThrottle(String where, Throttle throttle, List<String> problems) {
        if (throttle != null && (!(throttle.rateLimit() > 0) || Double.isInfinite(throttle.rateLimit())
                || throttle.burstLimit() < 1)) {
            problems.add(where + ": throttle needs rateLimit > 0 and burstLimit >= 1, got " + throttle);
        }
    }

    private static void checkQuota(String where, Quota quota, List<String> problems) {
        if (quota != null && (quota.limit() < 1 || quota.period() == null || quota.offset() < 0
                || quota.offset() > quota.period().maxOffset())) {
            problems.add(where + ": quota needs limit >= 1, a period and an offset within it, got " + quota);
        }
    }

    private static void checkRouteKey(String where, String routeKey, List<String> problems) {
        try {
            RouteKey.parse(routeKey);
        } catch (InvalidRouteKeyException e) {
            problems.add(where + ": route " + routeKey + ": " + e.getMessage());
        }
    }

    private static void checkStages(Api api, List<String> problems) {
        Set<String> names = new HashSet<>();
        for (Stage stage : api.stages()) {
            String where = "api " + api.id() + " stage " + stage.name();
            if (stage.name() == null || !names.add(stage.name())) {
                problems.add(where + ": stage name missing or repeated");
            }
            checkThrottle(where, stage.throttle(), problems);
            stage.routeThrottles().forEach((routeKey, throttle) -> {
                checkRouteKey(where, routeKey, problems);
                checkThrottle(where + " " + routeKey, throttle, problems);
            });
            if (stage.deployment() == null) {
                problems.add(where + ": no deployment");
            } else {
                checkDeployment(where, stage.deployment(), problems);
            }
        }
    }

    private static void checkDeployment(String where, Deployment deployment, List<String> problems) {
        Set<String> integrationIds = new HashSet<>();
        for (Integration integration : deployment.integrations()) {
            if (integration.id() == null || !integrationIds.add(integration.id())) {
                problems.add(where + ": integration id missing or repeated: " + integration.id());
            }
        }
        Set<String> shapes = new HashSet<>();
        for (Route route : deployment.routes()) {
            try {
                if (!shapes.add(RouteKey.parse(route.routeKey()).shape())) {
                    problems.add(where + ": route key conflicts with another: " + route.routeKey());
                }
            } catch (InvalidRouteKeyException e) {
                problems.add(where + ": route " + route.routeKey() + ": " + e.getMessage());
            }
            if (route.integrationId() != null && !integrationIds.contains(route.integrationId())) {
                problems.add(where + ": route " + route.routeKey() + " names unknown integration " + route.integrationId());
            }
        }
        String expected = SnapshotCodec.contentHash(deployment.routes(), deployment.integrations());
        if (!expected.equals(deployment.contentHash())) {
            problems.add(where + ": content hash " + deployment.contentHash() + " does not match content (" + expected + ")");
        }
    }
}
