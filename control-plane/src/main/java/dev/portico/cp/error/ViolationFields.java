package dev.portico.cp.error;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;

import java.util.Comparator;
import java.util.List;
import java.util.Set;

/** Names the request fields of Bean Validation violations the way clients wrote them. */
final class ViolationFields {

    private ViolationFields() {
    }

    static List<FieldError> of(Set<ConstraintViolation<?>> violations) {
        return violations.stream()
                .map(v -> new FieldError(field(v.getPropertyPath()), v.getMessage()))
                .distinct()
                .sorted(Comparator.comparing(FieldError::field).thenComparing(FieldError::message))
                .toList();
    }

    static boolean isAboutResult(Set<ConstraintViolation<?>> violations) {
        return violations.stream().anyMatch(v -> hasKind(v.getPropertyPath(), ElementKind.RETURN_VALUE));
    }

    /**
     * "create.request.routes[2].uri" becomes "routes[2].uri": the resource method and its body
     * parameter are no part of what the client sent. A violation on a parameter itself (a query
     * parameter, or a missing body) keeps the parameter's name.
     */
    static String field(Path path) {
        StringBuilder field = new StringBuilder();
        String parameter = null;
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.CONSTRUCTOR) {
                continue;
            }
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
                continue;
            }
            if (node.isInIterable()) {
                field.append('[').append(node.getIndex() != null ? node.getIndex() : node.getKey()).append(']');
            }
            if (node.getName() != null && !node.getName().startsWith("<")) {
                field.append(field.isEmpty() ? "" : ".").append(node.getName());
            }
        }
        if (!field.isEmpty()) {
            return field.toString();
        }
        return parameter != null ? parameter : JsonProblems.BODY;
    }

    private static boolean hasKind(Path path, ElementKind kind) {
        for (Path.Node node : path) {
            if (node.getKind() == kind) {
                return true;
            }
        }
        return false;
    }
}
