package dev.portico.cp.error;

/** One bad field of a request: a JSON path such as "routeKey" or "integrations[2].uri", and why. */
public record FieldError(String field, String message) {
}
