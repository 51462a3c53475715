package dev.portico.cp.console;

import dev.portico.cp.api.IntegrationRequest;
import dev.portico.cp.api.IntegrationType;
import dev.portico.cp.api.IntegrationView;
import dev.portico.cp.error.FieldError;
import dev.portico.cp.error.ProblemException;

import java.util.ArrayList;
import jakarta.ws.rs.core.MultivaluedMap;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * The integration form: the fields of every type, of which only the chosen type's are sent. A
 * FUNCTION's URI and timeout have fields of their own ({@code functionUri}, {@code functionTimeoutMillis}:
 * every fieldset is submitted, shown or not), and the service's errors about {@code uri} and
 * {@code timeoutMillis} are shown at them. Numbers
 * arrive as text; one that is no number is a field error of its own, shown with the service's.
 * Request parameters are key/value rows ({@code requestParameters[i].key}, {@code .value}); a row
 * without a key is dropped, and one empty row is always offered.
 */
final class IntegrationForm {

    static final List<String> FIELDS = List.of("type", "uri", "method", "timeoutMillis", "statusCode", "body",
            "functionUri", "payloadFormatVersion", "functionTimeoutMillis");
    private static final Map<String, String> FUNCTION_FIELDS = Map.of("uri", "functionUri",
            "timeoutMillis", "functionTimeoutMillis");

    private IntegrationForm() {
    }

    static Form of(Map<String, String> typed) {
        Map<String, String> values = new HashMap<>();
        FIELDS.forEach(f -> values.put(f, typed.getOrDefault(f, "")));
        for (int i = 0; typed.containsKey(ParameterRow.keyField(i)); i++) {
            values.put(ParameterRow.keyField(i), typed.get(ParameterRow.keyField(i)));
            values.put(ParameterRow.valueField(i), typed.getOrDefault(ParameterRow.valueField(i), ""));
            values.put(ParameterRow.rowField(i), "");
        }
        ResponseMappingRow.copy(typed, values);
        return Form.of(values);
    }

    /** What was typed: the fixed fields and every request-parameter row. */
    static Map<String, String> typed(MultivaluedMap<String, String> body) {
        Map<String, String> typed = new HashMap<>();
        body.forEach((name, list) -> {
            if ((FIELDS.contains(name) || name.startsWith("requestParameters[")
                    || name.startsWith(ResponseMappingRow.PREFIX)) && !list.isEmpty()) {
                typed.put(name, list.get(0) == null ? "" : list.get(0));
            }
        });
        return typed;
    }

    /** The typed rows, then an empty one. */
    static List<ParameterRow> rows(Form form) {
        int rows = 0;
        while (form.values().containsKey(ParameterRow.keyField(rows))) {
            rows++;
        }
        return IntStream.rangeClosed(0, rows).mapToObj(i -> ParameterRow.of(form, i)).toList();
    }

    /** The service's errors about a mapping ({@code requestParameters.<key>}), moved to its row. */
    static Form refused(Form form, ProblemException problem) {
        boolean function = isFunction(form);
        List<FieldError> errors = ResponseMappingRow.onRows(form, problem.errors().stream()
                .map(e -> function && FUNCTION_FIELDS.containsKey(e.field())
                        ? new FieldError(FUNCTION_FIELDS.get(e.field()), e.message()) : onRow(form, e))
                .toList());
        return form.refused(errors, problem.getMessage());
    }

    private static FieldError onRow(Form form, FieldError error) {
        if (error.field().startsWith("requestParameters.")) {
            String key = error.field().substring("requestParameters.".length());
            for (int i = 0; form.values().containsKey(ParameterRow.keyField(i)); i++) {
                if (form.value(ParameterRow.keyField(i)).strip().equals(key)) {
                    return new FieldError(ParameterRow.rowField(i), error.message());
                }
            }
        }
        return error;
    }

    static Form of(IntegrationView i) {
        Map<String, String> values = new HashMap<>();
        String timeout = i.timeoutMillis() == null ? "" : i.timeoutMillis().toString();
        values.put("type", i.type().name());
        boolean function = i.type() == IntegrationType.FUNCTION;
        values.put(function ? "functionUri" : "uri", i.uri());
        values.put(function ? "functionTimeoutMillis" : "timeoutMillis", timeout);
        values.put("payloadFormatVersion", function ? i.payloadFormatVersion() : "2.0");
        values.put("method", i.method());
        values.put("statusCode", i.statusCode() == null ? "" : i.statusCode().toString());
        values.put("body", i.body());
        int row = 0;
        for (Map.Entry<String, String> mapping : new TreeMap<>(i.requestParameters() == null ? Map.of()
                : i.requestParameters()).entrySet()) {
            values.put(ParameterRow.keyField(row), mapping.getKey());
            values.put(ParameterRow.valueField(row), mapping.getValue());
            row++;
        }
        ResponseMappingRow.fill(i.responseParameters() == null ? Map.of() : i.responseParameters(), values);
        return of(values);
    }

    /**
     * The request the form describes; or, when a number field holds no number, a 400 naming it with
     * every other bad field (checked without saving anything).
     */
    static IntegrationRequest request(Form form) {
        List<FieldError> numbers = new ArrayList<>();
        if (isFunction(form)) {
            IntegrationRequest function = IntegrationRequest.function(form.value("functionUri"),
                    blankToNull(form.value("payloadFormatVersion")),
                    FormNumber.whole(form, "functionTimeoutMillis", numbers));
            return FormNumber.readable(function, numbers, function::validate);
        }
        boolean mock = "MOCK".equals(form.value("type"));
        Integer timeout = mock ? null : FormNumber.whole(form, "timeoutMillis", numbers);
        Integer status = mock ? FormNumber.whole(form, "statusCode", numbers) : null;
        IntegrationRequest request = mock
                ? new IntegrationRequest("MOCK", null, null, null, null, status, null, form.value("body"))
                : new IntegrationRequest(blankToNull(form.value("type")), form.value("uri"),
                        blankToNull(form.value("method")), timeout, null, null, null, null, parameters(form, numbers),
                        ResponseMappingRow.read(form, numbers));
        return FormNumber.readable(request, numbers, request::validate);
    }

    /** Rows with a key; a key typed twice is refused at the later row. */
    private static Map<String, String> parameters(Form form, List<FieldError> errors) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; form.values().containsKey(ParameterRow.keyField(i)); i++) {
            String key = form.value(ParameterRow.keyField(i)).strip();
            String value = form.value(ParameterRow.valueField(i)).strip();
            if (!key.isEmpty() && parameters.putIfAbsent(key, value) != null) {
                errors.add(new FieldError(ParameterRow.rowField(i), "another row already maps " + key));
            }
        }
        return parameters;
    }

    private static boolean isFunction(Form form) {
        return IntegrationType.FUNCTION.name().equals(form.value("type"));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
