package dev.portico.cp.error;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

import java.util.Arrays;
import java.util.Collection;
import java.util.Map;

/** Turns Jackson's complaints about a request body into problems that name the field. */
final class JsonProblems {

    /** The field a body error is about when it is the body as a whole. */
    static final String BODY = "body";

    private JsonProblems() {
    }

    /** The problem for a JSON failure, or null when {@code failure} is not one. */
    static ProblemException of(Throwable failure) {
        if (failure instanceof UnrecognizedPropertyException unknown) {
            return Problems.unknownField(path(unknown));
        }
        if (failure instanceof ValueInstantiationException invalid) {
            Throwable cause = invalid.getCause() == null ? invalid : invalid.getCause();
            return ProblemException.invalid(path(invalid), cause.getMessage());
        }
        if (failure instanceof InvalidFormatException format) {
            return Problems.wrongType(path(format), "expected " + expected(format.getTargetType()));
        }
        if (failure instanceof MismatchedInputException mismatch) {
            return Problems.wrongType(path(mismatch), mismatch.getTargetType() == null
                    ? mismatch.getOriginalMessage() : "expected " + expected(mismatch.getTargetType()));
        }
        if (failure instanceof JsonMappingException mapping) {
            return Problems.wrongType(path(mapping), mapping.getOriginalMessage());
        }
        if (failure instanceof StreamReadException syntax) {
            return Problems.malformedJson("malformed JSON" + where(syntax.getLocation()) + ": "
                    + firstLine(syntax.getOriginalMessage()));
        }
        if (failure instanceof DatabindException other) {
            return Problems.malformedJson(firstLine(other.getMessage()));
        }
        return null;
    }

    /** "integrations[2].uri" from Jackson's reference chain; {@link #BODY} for the root. */
    static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? BODY : path.toString();
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "another type";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.toString(type.getEnumConstants());
        }
        if (type == String.class || type == Character.class || type == char.class) {
            return "a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class) {
            return "an integer";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        return Map.class.isAssignableFrom(type) || !type.getName().startsWith("java.") ? "an object" : type.getSimpleName();
    }

    private static String where(JsonLocation location) {
        return location == null || location.getLineNr() < 1 ? ""
                : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable body";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
