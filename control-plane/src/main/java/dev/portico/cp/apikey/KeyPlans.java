package dev.portico.cp.apikey;

import dev.portico.cp.error.FieldError;

import java.util.List;
import java.util.Map;

/**
 * The usage plans a CSV import subscribes its keys to (the {@code usageplanIds} column). The
 * usage-plan side implements it, so API keys need not know how plans are kept.
 */
public interface KeyPlans {

    /**
     * The problems with the plans each line names, as {@code "line N: usageplanIds"}: unknown plans,
     * and plans of one line that cover the same API stage. Locks the plans named until the
     * transaction ends, so what was checked still holds when {@link #subscribe} runs.
     */
    List<FieldError> check(List<ApiKeyCsv.Row> rows);

    /** Subscribes new keys (key id → plan ids) to plans that {@link #check} accepted. */
    void subscribe(Map<String, List<String>> planIdsByKey);
}
