package dev.portico.cp.console;

import dev.portico.cp.api.GatewayResponseRequest;
import dev.portico.cp.api.GatewayResponseView;
import dev.portico.cp.error.FieldError;
import dev.portico.cp.error.ProblemException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The gateway response form: status, headers as {@code Name: value} lines, body. The service names a
 * bad header {@code headers.<name>}; the form shows that next to its one headers field.
 */
final class GatewayResponseForm {

    static final List<String> FIELDS = List.of("statusCode", "headers", "body");

    private GatewayResponseForm() {
    }

    static Form of(GatewayResponseView view) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("statusCode", view.statusCode() == null ? "" : view.statusCode().toString());
        StringBuilder headers = new StringBuilder();
        new TreeMap<>(view.headers()).forEach((name, value) -> headers.append(name).append(": ").append(value).append('\n'));
        values.put("headers", headers.toString());
        values.put("body", view.body() == null ? "" : view.body());
        return Form.of(values);
    }

    static Form typed(Map<String, String> body) {
        Map<String, String> values = new LinkedHashMap<>();
        FIELDS.forEach(f -> values.put(f, body.getOrDefault(f, "")));
        return Form.of(values);
    }

    /** The request the form describes, or a 400 naming a bad number or header line with the service's errors. */
    static GatewayResponseRequest request(Form form) {
        List<FieldError> errors = new ArrayList<>();
        Integer status = FormNumber.whole(form, "statusCode", errors);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line : form.value("headers").split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                errors.add(new FieldError("headers", "\"" + line.strip() + "\" is not a Name: value line"));
            } else {
                headers.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
            }
        }
        String body = form.value("body");
        GatewayResponseRequest request = new GatewayResponseRequest(status, headers, body.isEmpty() ? null : body);
        return FormNumber.readable(request, errors, request::validate);
    }

    /** The service's errors, those about one header moved to the headers field. */
    static Form refused(Form form, ProblemException problem) {
        List<FieldError> errors = problem.errors().stream().map(e -> e.field().startsWith("headers.")
                ? new FieldError("headers", e.field().substring("headers.".length()) + ": " + e.message()) : e).toList();
        return form.refused(errors, problem.getMessage());
    }
}
