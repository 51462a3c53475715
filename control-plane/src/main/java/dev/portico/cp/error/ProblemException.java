package dev.portico.cp.error;

import java.util.List;

/**
 * An admin-API failure that becomes an RFC 9457 problem+json answer. {@link #code} is the stable
 * key (tests and clients match on it); {@link #getMessage()} is the human detail.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String code;
    private final String title;
    private final List<FieldError> errors;

    public ProblemException(int status, String code, String title, String detail, List<FieldError> errors) {
        super(detail);
        this.status = status;
        this.code = code;
        this.title = title;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public static ProblemException invalid(List<FieldError> errors) {
        return new ProblemException(400, "VALIDATION_FAILED", "Bad Request",
                errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).message()
                        : errors.size() + " fields are invalid", errors);
    }

    public static ProblemException invalid(String field, String message) {
        return invalid(List.of(new FieldError(field, message)));
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(404, "NOT_FOUND", "Not Found", what + " not found", List.of());
    }

    public static ProblemException conflict(String code, String detail) {
        return new ProblemException(409, code, "Conflict", detail, List.of());
    }

    public static ProblemException conflict(String code, String field, String detail) {
        return new ProblemException(409, code, "Conflict", detail, List.of(new FieldError(field, detail)));
    }

    public static ProblemException staleEtag(String expected) {
        return new ProblemException(412, "STALE_ETAG", "Precondition Failed",
                "the object changed since it was read; its current ETag is " + expected, List.of());
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    public List<FieldError> errors() {
        return errors;
    }
}
