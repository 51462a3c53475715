package dev.portico.cp.api;

import dev.portico.cp.error.ProblemException;

/** The bodies of POST and PATCH on {@code /apis}. */
public final class ApiRequests {

    public static final int MAX_NAME = 128;
    public static final int MAX_DESCRIPTION = 1024;

    private ApiRequests() {
    }

    /** POST {@code {name, description?}}. */
    public record Create(String name, String description) {

        void validate() {
            new Violations()
                    .text("name", name, MAX_NAME, true)
                    .text("description", description, MAX_DESCRIPTION, false)
                    .throwIfAny();
        }
    }

    /** PATCH: absent (or null) fields keep their value; an empty description clears it. */
    public record Patch(String name, String description) {

        void validate() {
            Violations violations = new Violations().text("description", description, MAX_DESCRIPTION, false);
            if (name != null) {
                violations.text("name", name, MAX_NAME, true);
            }
            violations.throwIfAny();
        }
    }

    /** A missing body is a request without fields. */
    public static <T> T required(T body) {
        if (body == null) {
            throw ProblemException.invalid("body", "a JSON object is required");
        }
        return body;
    }

    public static String emptyToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
