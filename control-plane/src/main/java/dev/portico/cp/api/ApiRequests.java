package dev.portico.cp.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portico.cp.error.ProblemException;
import dev.portico.snapshot.Cors;

/** The bodies of POST and PATCH on {@code /apis}. */
public final class ApiRequests {

    public static final int MAX_NAME = 128;
    public static final int MAX_DESCRIPTION = 1024;

    private ApiRequests() {
    }

    /** POST {@code {name, description?, cors?}}. */
    public record Create(String name, String description, CorsRequest cors) {

        public Create(String name, String description) {
            this(name, description, null);
        }

        /** The valid CORS settings (null: none), or a 400 naming every bad field. */
        Cors validate() {
            Violations violations = new Violations()
                    .text("name", name, MAX_NAME, true)
                    .text("description", description, MAX_DESCRIPTION, false);
            Cors valid = validCors(cors, violations);
            violations.throwIfAny();
            return valid;
        }
    }

    /**
     * PATCH: absent (or null) name and description keep their value; an empty description clears it.
     * {@code cors} absent keeps the CORS settings, {@code null} removes them, an object replaces them.
     */
    public record Patch(String name, String description, JsonNode cors) {

        public Patch(String name, String description) {
            this(name, description, null);
        }

        void validate() {
            Violations violations = new Violations().text("description", description, MAX_DESCRIPTION, false);
            if (name != null) {
                violations.text("name", name, MAX_NAME, true);
            }
            violations.throwIfAny();
        }

        boolean changesCors() {
            return cors != null;
        }

        /** The CORS settings asked for (null: remove them); or a 400 naming every bad field. */
        Cors newCors(ObjectMapper json) {
            if (cors.isNull()) {
                return null;
            }
            CorsRequest request;
            try {
                request = json.treeToValue(cors, CorsRequest.class);
            } catch (Exception e) {
                throw ProblemException.invalid("cors", "must be an object {allowOrigins, allowMethods, "
                        + "allowHeaders, exposeHeaders, maxAge, allowCredentials} with lists of strings, a whole "
                        + "number and a boolean");
            }
            Violations violations = new Violations();
            Cors valid = validCors(request, violations);
            violations.throwIfAny();
            return valid;
        }
    }

    private static Cors validCors(CorsRequest request, Violations violations) {
        if (request == null) {
            return null;
        }
        try {
            return request.validate();
        } catch (ProblemException e) {
            e.errors().forEach(error -> violations.add(error.field(), error.message()));
            return null;
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
