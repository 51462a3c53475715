package dev.portico.cp.api;

import dev.portico.cp.error.FieldError;
import dev.portico.cp.error.ProblemException;

import java.util.ArrayList;
import java.util.List;

/** Collects every bad field of a request, so that one answer names them all. */
public final class Violations {

    private final List<FieldError> errors = new ArrayList<>();

    public Violations add(String field, String message) {
        errors.add(new FieldError(field, message));
        return this;
    }

    /** Checks an optional text field's length; with {@code required}, also that it is present and not blank. */
    public Violations text(String field, String value, int maxLength, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                add(field, "is required");
            }
        } else if (value.length() > maxLength) {
            add(field, "must be at most " + maxLength + " characters");
        }
        return this;
    }

    /** Throws a 400 VALIDATION_FAILED naming every collected field, if there is any. */
    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(List.copyOf(errors));
        }
    }
}
