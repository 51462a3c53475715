package dev.portico.cp.audit;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of object an admin change is made to. */
public enum AuditObject {
    API, ROUTE, INTEGRATION, AUTHORIZER, MODEL, GATEWAY_RESPONSE, DEPLOYMENT, STAGE, API_KEY, USAGE_PLAN, USER;

    /** The type named in a filter, case-insensitively. */
    public static Optional<AuditObject> named(String name) {
        return Arrays.stream(values()).filter(t -> t.name().equalsIgnoreCase(name.strip())).findFirst();
    }
}
