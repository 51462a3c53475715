package dev.portico.cp.audit;

import dev.portico.cp.error.ProblemException;

import java.util.Arrays;

/** {@code ?actor=&objectType=} of the audit log; empty means any. */
public record AuditFilter(String actor, AuditObject objectType) {

    public static final AuditFilter ANY = new AuditFilter(null, null);

    /** Reads the query parameters; an unknown object type is a 400 naming the known ones. */
    public static AuditFilter parse(String actor, String objectType) {
        String who = actor == null || actor.isBlank() ? null : actor.strip();
        if (objectType == null || objectType.isBlank()) {
            return new AuditFilter(who, null);
        }
        AuditObject type = AuditObject.named(objectType).orElseThrow(() -> ProblemException.invalid("objectType",
                "must be one of " + Arrays.toString(AuditObject.values()) + ", got \"" + objectType + "\""));
        return new AuditFilter(who, type);
    }
}
