package dev.portico.cp.console;

import dev.portico.cp.error.FieldError;
import dev.portico.cp.error.ProblemException;
import jakarta.ws.rs.core.MultivaluedMap;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A form as the page shows it: what was typed (kept after a refusal) and each field's error, next
 * to that field. Errors about no field of this form go to {@link #messages}.
 */
public record Form(Map<String, String> values, Map<String, String> errors, List<String> messages) {

    static Form empty() {
        return new Form(Map.of(), Map.of(), List.of());
    }

    /** What was typed into {@code fields} (a field left out of the body: ""). */
    static Map<String, String> typed(MultivaluedMap<String, String> body, List<String> fields) {
        Map<String, String> typed = new HashMap<>();
        fields.forEach(f -> typed.put(f, ApisResource.orEmpty(body.getFirst(f))));
        return typed;
    }

    static Form of(Map<String, String> values) {
        Map<String, String> copy = new HashMap<>();
        values.forEach((k, v) -> copy.put(k, v == null ? "" : v));
        return new Form(copy, Map.of(), List.of());
    }

    /** This form refused: field errors go next to the fields the form has, the rest on top. */
    Form refused(List<FieldError> fieldErrors, String detail) {
        Map<String, String> byField = new LinkedHashMap<>();
        List<String> others = new ArrayList<>();
        for (FieldError error : fieldErrors) {
            if (values.containsKey(error.field())) {
                byField.merge(error.field(), error.message(), (a, b) -> a + "; " + b);
            } else {
                others.add(error.field() + ": " + error.message());
            }
        }
        if (fieldErrors.isEmpty() && detail != null) {
            others.add(detail);
        }
        return new Form(values, byField, others);
    }

    Form refused(ProblemException problem) {
        return refused(problem.errors(), problem.getMessage());
    }

    public String value(String name) {
        return values.getOrDefault(name, "");
    }

    public boolean checked(String name) {
        String value = values.get(name);
        return value != null && !value.isEmpty() && !value.equals("false");
    }

    public boolean selected(String name, String option) {
        return option.equals(values.get(name));
    }

    public String error(String name) {
        return errors.get(name);
    }

    public boolean hasError(String name) {
        return errors.containsKey(name);
    }

    public boolean failed() {
        return !errors.isEmpty() || !messages.isEmpty();
    }
}
