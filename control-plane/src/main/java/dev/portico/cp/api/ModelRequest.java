package dev.portico.cp.api;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.regex.Pattern;

/**
 * The body of POST and PATCH on models: {@code {name, description?, schema}}. In a PATCH, absent
 * fields keep their value.
 */
public record ModelRequest(String name, String description, JsonNode schema) {

    public static final int MAX_NAME = 128;
    public static final int MAX_DESCRIPTION = 1024;
    public static final Pattern NAME = Pattern.compile("[A-Za-z0-9]+");

    /** This request laid over an existing model. */
    public ModelRequest over(ModelFields current) {
        return new ModelRequest(name != null ? name : current.name(),
                description != null ? description : current.description(),
                schema != null ? schema : current.schema());
    }

    /** The valid settings this request describes, or a 400 naming every bad field. */
    public ModelFields validate() {
        Violations violations = new Violations().text("name", name, MAX_NAME, true)
                .text("description", description, MAX_DESCRIPTION, false);
        if (name != null && !name.isBlank() && !NAME.matcher(name).matches()) {
            violations.add("name", "must be letters and digits only ([A-Za-z0-9]+)");
        }
        String problem = ModelSchemas.problem(schema);
        if (problem != null) {
            violations.add("schema", problem);
        }
        violations.throwIfAny();
        return new ModelFields(name, ApiRequests.emptyToNull(description), schema);
    }
}
