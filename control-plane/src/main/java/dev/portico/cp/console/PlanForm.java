package dev.portico.cp.console;

import dev.portico.cp.api.Throttle;
import dev.portico.cp.error.FieldError;
import dev.portico.cp.error.ProblemException;
import dev.portico.cp.usageplan.ApiStage;
import dev.portico.cp.usageplan.Quota;
import dev.portico.cp.usageplan.UsagePlanView;
import jakarta.ws.rs.core.MultivaluedMap;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The usage plan form. Fields are named as the admin API names them ({@code throttle.rateLimit},
 * {@code quota.period}, {@code apiStages[0]}), so the service's messages land next to them. Each
 * API stage row is one choice "apiId/stage"; empty rows are ignored, and one empty row is always
 * offered for adding a stage.
 */
final class PlanForm {

    static final List<String> FIELDS = List.of("name", "description", "throttle.rateLimit", "throttle.burstLimit",
            "quota.limit", "quota.period", "quota.offset");
    private static final Pattern STAGE_ERROR = Pattern.compile("^apiStages\\[(\\d+)\\].*");

    private final Form form;
    private final List<String> rows;

    private PlanForm(Form form, List<String> rows) {
        this.form = form;
        this.rows = rows;
    }

    Form form() {
        return form;
    }

    /** The API stage fields to show: every typed row, then one empty. */
    List<String> stageFields() {
        List<String> fields = new ArrayList<>();
        for (int i = 0; i <= rows.size(); i++) {
            fields.add("apiStages[" + i + "]");
        }
        return fields;
    }

    static PlanForm empty() {
        Map<String, String> values = new HashMap<>();
        FIELDS.forEach(f -> values.put(f, ""));
        return of(values, List.of());
    }

    static PlanForm of(MultivaluedMap<String, String> typed) {
        Map<String, String> values = new HashMap<>();
        FIELDS.forEach(f -> values.put(f, typed.getFirst(f) == null ? "" : typed.getFirst(f)));
        List<String> rows = new ArrayList<>();
        for (int i = 0; typed.containsKey("apiStages[" + i + "]"); i++) {
            String chosen = typed.getFirst("apiStages[" + i + "]");
            if (chosen != null && !chosen.isBlank()) {
                rows.add(chosen);
            }
        }
        return of(values, rows);
    }

    static PlanForm of(UsagePlanView plan) {
        Map<String, String> values = new HashMap<>();
        values.put("name", plan.name());
        values.put("description", plan.description());
        values.put("throttle.rateLimit", plan.throttle() == null ? "" : FormNumber.shown(plan.throttle().rateLimit()));
        values.put("throttle.burstLimit", plan.throttle() == null ? "" : String.valueOf(plan.throttle().burstLimit()));
        values.put("quota.limit", plan.quota() == null ? "" : String.valueOf(plan.quota().limit()));
        values.put("quota.period", plan.quota() == null ? "" : plan.quota().period());
        values.put("quota.offset", plan.quota() == null ? "" : String.valueOf(plan.quota().offset()));
        return of(values, plan.apiStages().stream().map(s -> s.apiId() + "/" + s.stage()).toList());
    }

    private static PlanForm of(Map<String, String> values, List<String> rows) {
        Map<String, String> all = new HashMap<>(values);
        for (int i = 0; i <= rows.size(); i++) {
            all.put("apiStages[" + i + "]", i < rows.size() ? rows.get(i) : "");
        }
        return new PlanForm(Form.of(all), List.copyOf(rows));
    }

    /** This form refused: {@code apiStages[i].stage} and the like go to row {@code i}'s choice. */
    PlanForm refused(ProblemException problem) {
        List<FieldError> errors = problem.errors().stream().map(f -> {
            Matcher row = STAGE_ERROR.matcher(f.field());
            return row.matches() ? new FieldError("apiStages[" + row.group(1) + "]", f.message()) : f;
        }).toList();
        return new PlanForm(form.refused(errors, problem.getMessage()), rows);
    }

    String value(String field) {
        return form.value(field).strip();
    }

    Throttle throttle(List<FieldError> errors) {
        Double rate = FormNumber.decimal(form, "throttle.rateLimit", errors);
        Integer burst = FormNumber.whole(form, "throttle.burstLimit", errors);
        return new Throttle(rate, burst);
    }

    Quota quota(List<FieldError> errors) {
        Long limit = FormNumber.wholeLong(form, "quota.limit", errors);
        Integer offset = FormNumber.whole(form, "quota.offset", errors);
        String period = value("quota.period").isEmpty() ? null : value("quota.period");
        // Only an offset of 0 (what the form shows for a stored quota) does not make a quota on its own.
        return limit == null && period == null && (offset == null || offset == 0) ? new Quota(null, null, null)
                : new Quota(limit, period, offset);
    }

    /** The chosen API stages, keeping the per-route throttles {@code existing} had for them. */
    List<ApiStage> apiStages(List<ApiStage> existing) {
        List<ApiStage> stages = new ArrayList<>();
        for (String chosen : rows) {
            int slash = chosen.indexOf('/');
            String apiId = slash < 0 ? chosen : chosen.substring(0, slash);
            String stage = slash < 0 ? "" : chosen.substring(slash + 1);
            Map<String, Throttle> routes = existing.stream()
                    .filter(s -> s.apiId().equals(apiId) && s.stage().equals(stage))
                    .map(ApiStage::throttle).findFirst().orElse(null);
            stages.add(new ApiStage(apiId, stage, routes));
        }
        return stages;
    }
}
