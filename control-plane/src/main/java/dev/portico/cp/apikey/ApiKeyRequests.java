package dev.portico.cp.apikey;

import dev.portico.cp.api.Violations;

/** The bodies of POST and PATCH on {@code /api-keys}. */
public final class ApiKeyRequests {

    public static final int MAX_NAME = 128;
    public static final int MAX_DESCRIPTION = 1024;

    private ApiKeyRequests() {
    }

    /** POST {@code {name, description?, enabled?}}; a key is enabled unless told otherwise. */
    public record Create(String name, String description, Boolean enabled) {

        void validate() {
            new Violations()
                    .text("name", name, MAX_NAME, true)
                    .text("description", description, MAX_DESCRIPTION, false)
                    .throwIfAny();
        }

        boolean enabledOrDefault() {
            return enabled == null || enabled;
        }
    }

    /** PATCH: absent (or null) fields keep their value; an empty description clears it. */
    public record Patch(String name, String description, Boolean enabled) {

        void validate() {
            Violations violations = new Violations().text("description", description, MAX_DESCRIPTION, false);
            if (name != null) {
                violations.text("name", name, MAX_NAME, true);
            }
            violations.throwIfAny();
        }
    }
}
