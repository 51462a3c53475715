package dev.portico.cp.console;

import dev.portico.cp.error.FieldError;
import dev.portico.cp.error.ProblemException;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Numbers typed into console forms. A field that holds no number is named in {@code errors} and read
 * as absent, so the service still checks every other field and the page shows all problems at once.
 */
final class FormNumber {

    private FormNumber() {
    }

    /** The field as a number, null when empty or not a number ({@code what} says what it must be). */
    static <T> T read(Form form, String field, Function<String, T> parser, String what, List<FieldError> errors) {
        String text = form.value(field).strip();
        if (text.isEmpty()) {
            return null;
        }
        try {
            return parser.apply(text);
        } catch (NumberFormatException e) {
            errors.add(new FieldError(field, "must be " + what + ", got \"" + text + "\""));
            return null;
        }
    }

    static Integer whole(Form form, String field, List<FieldError> errors) {
        return read(form, field, Integer::valueOf, "a whole number", errors);
    }

    static Long wholeLong(Form form, String field, List<FieldError> errors) {
        return read(form, field, Long::valueOf, "a whole number", errors);
    }

    static Double decimal(Form form, String field, List<FieldError> errors) {
        return read(form, field, Double::valueOf, "a number", errors);
    }

    /** A rate as people write it: "5", not "5.0"; "0.5" stays. */
    static String shown(Double value) {
        return value == Math.rint(value) ? String.valueOf(value.longValue()) : String.valueOf(value);
    }

    /**
     * The request when every number of the form was readable; otherwise a 400 naming the unreadable
     * numbers together with whatever {@code validation} finds in the other fields.
     */
    static <T> T readable(T request, List<FieldError> numberErrors, Runnable validation) {
        if (numberErrors.isEmpty()) {
            return request;
        }
        List<FieldError> all = new ArrayList<>(numberErrors);
        try {
            validation.run();
        } catch (ProblemException e) {
            all.addAll(e.errors());
        }
        throw ProblemException.invalid(all);
    }
}
