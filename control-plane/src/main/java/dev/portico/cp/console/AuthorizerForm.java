package dev.portico.cp.console;

import dev.portico.cp.api.AuthorizerRequest;
import dev.portico.cp.api.AuthorizerView;
import dev.portico.cp.error.FieldError;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The authorizer form: the fields of both types, of which only the chosen type's are sent. Lists
 * (audiences, identity sources) are typed comma-separated; numbers arrive as text, and one that is no
 * number is a field error of its own, shown with the service's.
 */
final class AuthorizerForm {

    static final List<String> FIELDS = List.of("name", "type", "issuer", "audiences", "jwksUri", "identitySource",
            "uri", "identitySources", "resultTtlSeconds", "timeoutMillis", "enableSimpleResponses");

    private AuthorizerForm() {
    }

    static Form of(Map<String, String> typed) {
        Map<String, String> values = new HashMap<>();
        FIELDS.forEach(f -> values.put(f, typed.getOrDefault(f, "")));
        return Form.of(values);
    }

    /** A new authorizer's form: JWT, simple responses on. */
    static Form fresh() {
        return of(Map.of("type", "JWT", "enableSimpleResponses", "true",
                "identitySource", "$request.header.Authorization", "identitySources", "$request.header.Authorization"));
    }

    static Form of(AuthorizerView a) {
        Map<String, String> values = new HashMap<>();
        values.put("name", a.name());
        values.put("type", a.type().name());
        values.put("issuer", a.issuer());
        values.put("audiences", FormList.shown(a.audiences()));
        values.put("jwksUri", a.jwksUri());
        values.put("identitySource", a.identitySource());
        values.put("uri", a.uri());
        values.put("identitySources", FormList.shown(a.identitySources()));
        values.put("resultTtlSeconds", a.resultTtlSeconds() == null ? "" : a.resultTtlSeconds().toString());
        values.put("timeoutMillis", a.timeoutMillis() == null ? "" : a.timeoutMillis().toString());
        values.put("enableSimpleResponses", Boolean.toString(Boolean.TRUE.equals(a.enableSimpleResponses())));
        return of(values);
    }

    /** The request the form describes; or a 400 naming a number field that holds no number with every other bad field. */
    static AuthorizerRequest request(Form form) {
        List<FieldError> numbers = new ArrayList<>();
        String type = form.value("type");
        boolean custom = "CUSTOM".equals(type);
        AuthorizerRequest request = custom
                ? new AuthorizerRequest(form.value("name"), type, null, null, null, null, form.value("uri"),
                        FormList.read(form, "identitySources"), FormNumber.whole(form, "resultTtlSeconds", numbers),
                        FormNumber.whole(form, "timeoutMillis", numbers), form.checked("enableSimpleResponses"), null)
                : new AuthorizerRequest(form.value("name"), type.isBlank() ? null : type, form.value("issuer"),
                        FormList.read(form, "audiences"), form.value("jwksUri"),
                        blankToNull(form.value("identitySource")), null, null, null, null, null, null);
        return FormNumber.readable(request, numbers, request::validate);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
