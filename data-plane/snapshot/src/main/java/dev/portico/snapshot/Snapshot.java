package dev.portico.snapshot;

import java.util.List;

/**
 * Everything a node needs to serve the whole gateway at one revision. Built by the control plane's
 * compiler, pushed over the fleet channel, validated and compiled by nodes.
 *
 * @param schemaVersion "major.minor": a node refuses a major it does not know; minors only add fields
 * @param revision      grows with every change of live configuration
 * @param apiKeys       every API key, enabled or not (a disabled key answers 403, like an unknown one)
 * @param usagePlans    every usage plan
 */
public record Snapshot(String schemaVersion, long revision, List<Api> apis, List<ApiKey> apiKeys,
                       List<UsagePlan> usagePlans) {

    /**
     * The schema this build writes. Bump the minor for added fields, the major for anything else.
     * 1.1 added API keys, usage plans and stage throttles; 1.2 authorizers, route authorization,
     * CORS and request parameter mapping; 1.3 FUNCTION integrations, models and request validation,
     * response parameter mapping and gateway responses.
     */
    public static final String SCHEMA_VERSION = "1.3";

    public Snapshot {
        apis = Canonical.sorted(apis, Api::id);
        apiKeys = Canonical.sorted(apiKeys, ApiKey::id);
        usagePlans = Canonical.sorted(usagePlans, UsagePlan::id);
    }

    public static Snapshot of(long revision, List<Api> apis) {
        return of(revision, apis, List.of(), List.of());
    }

    public static Snapshot of(long revision, List<Api> apis, List<ApiKey> apiKeys, List<UsagePlan> usagePlans) {
        return new Snapshot(SCHEMA_VERSION, revision, apis, apiKeys, usagePlans);
    }

    /** The major part of {@link #schemaVersion}, or -1 when it is not of the form "N.M". */
    public int schemaMajor() {
        if (schemaVersion == null) {
            return -1;
        }
        int dot = schemaVersion.indexOf('.');
        try {
            return Integer.parseInt(dot < 0 ? schemaVersion : schemaVersion.substring(0, dot));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
