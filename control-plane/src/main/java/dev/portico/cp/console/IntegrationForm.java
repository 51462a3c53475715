package dev.portico.cp.console;

import dev.portico.cp.api.IntegrationRequest;
import dev.portico.cp.api.IntegrationView;
import dev.portico.cp.error.FieldError;
import dev.portico.cp.error.ProblemException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The integration form: the fields of both kinds, of which only the chosen type's are sent. Numbers
 * arrive as text; one that is no number is a field error of its own, shown with the service's.
 */
final class IntegrationForm {

    static final List<String> FIELDS = List.of("type", "uri", "method", "timeoutMillis", "statusCode", "body");

    private IntegrationForm() {
    }

    static Form of(Map<String, String> typed) {
        Map<String, String> values = new HashMap<>();
        FIELDS.forEach(f -> values.put(f, typed.getOrDefault(f, "")));
        return Form.of(values);
    }

    static Form of(IntegrationView i) {
        Map<String, String> values = new HashMap<>();
        values.put("type", i.type().name());
        values.put("uri", i.uri());
        values.put("method", i.method());
        values.put("timeoutMillis", i.timeoutMillis() == null ? "" : i.timeoutMillis().toString());
        values.put("statusCode", i.statusCode() == null ? "" : i.statusCode().toString());
        values.put("body", i.body());
        return of(values);
    }

    /**
     * The request the form describes; or, when a number field holds no number, a 400 naming it with
     * every other bad field (checked without saving anything).
     */
    static IntegrationRequest request(Form form) {
        List<FieldError> numbers = new ArrayList<>();
        boolean mock = "MOCK".equals(form.value("type"));
        Integer timeout = mock ? null : FormNumber.whole(form, "timeoutMillis", numbers);
        Integer status = mock ? FormNumber.whole(form, "statusCode", numbers) : null;
        IntegrationRequest request = mock
                ? new IntegrationRequest("MOCK", null, null, null, null, status, null, form.value("body"))
                : new IntegrationRequest(blankToNull(form.value("type")), form.value("uri"),
                        blankToNull(form.value("method")), timeout, null, null, null, null);
        if (numbers.isEmpty()) {
            return request;
        }
        List<FieldError> all = new ArrayList<>(numbers);
        try {
            request.validate();
        } catch (ProblemException e) {
            all.addAll(e.errors());
        }
        throw ProblemException.invalid(all);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
