package dev.portico.cp.console;

import dev.portico.cp.api.Throttle;
import dev.portico.cp.deployment.RouteSettings;
import dev.portico.cp.deployment.StageView;
import dev.portico.cp.error.FieldError;
import dev.portico.cp.error.ProblemException;
import jakarta.ws.rs.core.MultivaluedMap;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * The settings form of a stage: variables as name/value rows ({@code variables[i].name},
 * {@code variables[i].value}; a row without a name is dropped, so clearing or removing a row removes
 * the variable; one empty row is always offered), the stage throttle ({@code throttle.rateLimit},
 * {@code throttle.burstLimit}) and one throttle row per route ({@code routes[i]} holds the route key).
 * The service names its errors by variable name and route key; they are moved to their rows here.
 */
final class StageForm {

    private static final Pattern VARIABLE_ERROR = Pattern.compile("^variables\\.(.*)$");
    private static final Pattern ROUTE_ERROR = Pattern.compile("^routeSettings\\[\"(.*)\"\\](?:\\.throttle\\.(\\w+))?$");

    private final Form form;
    private final int variableRows;
    private final List<String> routeKeys;

    private StageForm(Form form, int variableRows, List<String> routeKeys) {
        this.form = form;
        this.variableRows = variableRows;
        this.routeKeys = routeKeys;
    }

    Form form() {
        return form;
    }

    /** The stage as stored, with a throttle row for each of {@code routeKeys} and each key it has settings for. */
    static StageForm of(StageView stage, List<String> routeKeys) {
        Map<String, String> values = new HashMap<>();
        values.put("revision", Long.toString(stage.revision()));
        int row = 0;
        for (Map.Entry<String, String> variable : new TreeMap<>(stage.variables()).entrySet()) {
            values.put("variables[" + row + "].name", variable.getKey());
            values.put("variables[" + row + "].value", variable.getValue());
            row++;
        }
        putThrottle(values, "throttle", stage.throttle());
        List<String> keys = new ArrayList<>(routeKeys);
        stage.routeSettings().keySet().stream().filter(k -> !keys.contains(k)).sorted().forEach(keys::add);
        for (int i = 0; i < keys.size(); i++) {
            values.put("routes[" + i + "]", keys.get(i));
            RouteSettings settings = stage.routeSettings().get(keys.get(i));
            putThrottle(values, "routes[" + i + "]", settings == null ? null : settings.throttle());
        }
        return new StageForm(Form.of(values), row, keys);
    }

    /** What was typed. */
    static StageForm of(MultivaluedMap<String, String> typed) {
        Map<String, String> values = new HashMap<>();
        typed.forEach((name, list) -> {
            if (!name.equals(Sessions.CSRF_FIELD) && !list.isEmpty()) {
                values.put(name, list.get(0) == null ? "" : list.get(0));
            }
        });
        int rows = 0;
        while (values.containsKey("variables[" + rows + "].name")) {
            rows++;
        }
        List<String> keys = new ArrayList<>();
        while (values.containsKey("routes[" + keys.size() + "]")) {
            keys.add(values.get("routes[" + keys.size() + "]"));
        }
        return new StageForm(Form.of(values), rows, keys);
    }

    /** The variable rows to show: every typed one, then an empty one. */
    List<VariableRow> variableRows() {
        return IntStream.rangeClosed(0, variableRows).mapToObj(i -> VariableRow.of(form, i)).toList();
    }

    List<RouteThrottleRow> routeRows() {
        return IntStream.range(0, routeKeys.size()).mapToObj(i -> RouteThrottleRow.of(form, i, routeKeys.get(i)))
                .toList();
    }

    /** Null when the form's revision field is missing: then the PATCH does not check it. */
    String ifMatch() {
        String revision = form.value("revision").strip();
        return revision.isEmpty() ? null : "\"" + revision + "\"";
    }

    /** Rows with a name; a name typed twice is refused at the later row. */
    Map<String, String> variables(List<FieldError> errors) {
        Map<String, String> variables = new LinkedHashMap<>();
        for (int i = 0; i < variableRows; i++) {
            String name = form.value("variables[" + i + "].name").strip();
            if (!name.isEmpty() && variables.putIfAbsent(name, form.value("variables[" + i + "].value").strip()) != null) {
                errors.add(new FieldError("variables[" + i + "].name", "another row already sets " + name));
            }
        }
        return variables;
    }

    /** The stage throttle; both fields empty means none ({@code {}} removes it). */
    Throttle throttle(List<FieldError> errors) {
        return throttleOf("throttle", errors);
    }

    Map<String, RouteSettings> routeSettings(List<FieldError> errors) {
        Map<String, RouteSettings> settings = new LinkedHashMap<>();
        for (int i = 0; i < routeKeys.size(); i++) {
            Throttle throttle = throttleOf("routes[" + i + "]", errors);
            if (!throttle.none()) {
                settings.put(routeKeys.get(i), new RouteSettings(throttle));
            }
        }
        return settings;
    }

    /** The service's messages, moved to the rows they concern. */
    StageForm refused(ProblemException problem) {
        List<FieldError> errors = problem.errors().stream().map(this::onRow).toList();
        return new StageForm(form.refused(errors, problem.getMessage()), variableRows, routeKeys);
    }

    private FieldError onRow(FieldError error) {
        Matcher variable = VARIABLE_ERROR.matcher(error.field());
        if (variable.matches()) {
            for (int i = 0; i < variableRows; i++) {
                if (form.value("variables[" + i + "].name").strip().equals(variable.group(1))) {
                    String part = error.message().startsWith("variable names") ? ".name" : ".value";
                    return new FieldError("variables[" + i + "]" + part, error.message());
                }
            }
        }
        Matcher route = ROUTE_ERROR.matcher(error.field());
        if (route.matches() && routeKeys.contains(route.group(1))) {
            String row = "routes[" + routeKeys.indexOf(route.group(1)) + "]";
            return new FieldError(route.group(2) == null ? row : row + "." + route.group(2), error.message());
        }
        return error;
    }

    private Throttle throttleOf(String prefix, List<FieldError> errors) {
        Double rate = FormNumber.decimal(form, prefix + ".rateLimit", errors);
        Integer burst = FormNumber.whole(form, prefix + ".burstLimit", errors);
        return new Throttle(rate, burst);
    }

    private static void putThrottle(Map<String, String> values, String prefix, Throttle throttle) {
        values.put(prefix + ".rateLimit", throttle == null ? "" : FormNumber.shown(throttle.rateLimit()));
        values.put(prefix + ".burstLimit", throttle == null ? "" : Integer.toString(throttle.burstLimit()));
    }
}
