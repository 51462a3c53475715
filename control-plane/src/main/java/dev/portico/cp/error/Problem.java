package dev.portico.cp.error;

import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.Locale;

/**
 * The RFC 9457 body of every admin-API error: {@code {type, title, status, detail, code, errors}}.
 * {@code type} is {@code urn:portico:problem:<code in kebab-case>}.
 */
public record Problem(String type, String title, int status, String detail, String code, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(ProblemException e) {
        return new Problem(type(e.code()), e.title(), e.status(), e.getMessage(), e.code(), e.errors());
    }

    public static String type(String code) {
        return "urn:portico:problem:" + code.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public Response toResponse() {
        return Response.status(status).type(MEDIA_TYPE).entity(this).build();
    }
}
