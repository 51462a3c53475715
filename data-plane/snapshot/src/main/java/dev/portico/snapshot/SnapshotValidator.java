package dev.portico.snapshot;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks a snapshot before a node compiles it: a known schema major, unique names, parseable
 * route keys, routes pointing at integrations that exist, and content hashes that match.
 */
public final class SnapshotValidator {

    /** The schema majors this build can serve. */
    public static final Set<Integer> KNOWN_MAJORS = Set.of(1);

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
        return problems;
    }

    private static void checkStages(Api api, List<String> problems) {
        Set<String> names = new HashSet<>();
        for (Stage stage : api.stages()) {
            String where = "api " + api.id() + " stage " + stage.name();
            if (stage.name() == null || !names.add(stage.name())) {
                problems.add(where + ": stage name missing or repeated");
            }
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
