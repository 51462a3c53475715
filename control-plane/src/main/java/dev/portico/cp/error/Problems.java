package dev.portico.cp.error;

import java.util.List;

/** The problems the platform raises itself (the domain's come from {@link ProblemException}'s factories). */
public final class Problems {

    static final String TOKEN_REQUIRED = "a valid bearer token is required (POST /admin/v1/auth/token)";

    private Problems() {
    }

    public static ProblemException unauthenticated(String detail) {
        return new ProblemException(401, "UNAUTHENTICATED", "Unauthorized", detail, List.of());
    }

    public static ProblemException invalidCredentials() {
        return new ProblemException(401, "INVALID_CREDENTIALS", "Unauthorized", "wrong username or password", List.of());
    }

    public static ProblemException forbidden() {
        return new ProblemException(403, "FORBIDDEN", "Forbidden",
                "your role does not allow this operation", List.of());
    }

    public static ProblemException malformedJson(String detail) {
        return new ProblemException(400, "MALFORMED_JSON", "Bad Request", detail, List.of());
    }

    public static ProblemException unknownField(String field) {
        return new ProblemException(400, "UNKNOWN_FIELD", "Bad Request", field + ": unknown field",
                List.of(new FieldError(field, "unknown field")));
    }

    public static ProblemException wrongType(String field, String message) {
        return new ProblemException(400, "INVALID_FIELD_TYPE", "Bad Request", field + ": " + message,
                List.of(new FieldError(field, message)));
    }

    /**
     * A path no resource serves: under /admin/v1, 401 to whoever brings no bearer token (as any
     * other admin path would); else 404.
     */
    public static ProblemException unknownPath(String authorization, String path) {
        boolean bearer = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
        if (path.startsWith("/admin/v1") && !bearer) {
            return unauthenticated(TOKEN_REQUIRED);
        }
        return pathNotFound(path);
    }

    public static ProblemException pathNotFound(String path) {
        return new ProblemException(404, "NOT_FOUND", "Not Found", "no such resource: " + path, List.of());
    }

    public static ProblemException methodNotAllowed(String path) {
        return new ProblemException(405, "METHOD_NOT_ALLOWED", "Method Not Allowed",
                "this method is not allowed on " + path, List.of());
    }

    public static ProblemException bodyTooLarge(long limit) {
        return new ProblemException(413, "BODY_TOO_LARGE", "Content Too Large",
                "the request body is larger than " + limit + " bytes", List.of());
    }
}
