package dev.portico.cp.api;

import dev.portico.snapshot.ResponseParameterMapping;

import java.util.Map;
import java.util.TreeMap;

/**
 * Checks an integration's {@code responseParameters} with the contract's parser, as the node will
 * compile them: a bad status selector at {@code responseParameters.<status>}, a bad key, reserved
 * header or unknown reference at {@code responseParameters.<status>.<key>}.
 */
final class ResponseParametersCheck {

    static final int MAX_SELECTORS = 20;
    static final int MAX_MAPPINGS = 50;

    private ResponseParametersCheck() {
    }

    static void check(Map<String, Map<String, String>> parameters, Violations violations) {
        if (parameters.size() > MAX_SELECTORS) {
            violations.add("responseParameters", "must have at most " + MAX_SELECTORS + " status selectors");
            return;
        }
        new TreeMap<>(parameters).forEach((status, mappings) -> {
            String field = "responseParameters." + status;
            try {
                ResponseParameterMapping.selector(status);
            } catch (IllegalArgumentException e) {
                violations.add(field, e.getMessage());
                return;
            }
            if (mappings == null || mappings.isEmpty()) {
                violations.add(field, "needs at least one mapping");
                return;
            }
            if (mappings.size() > MAX_MAPPINGS) {
                violations.add(field, "must be at most " + MAX_MAPPINGS + " mappings");
                return;
            }
            new TreeMap<>(mappings).forEach((key, value) -> {
                try {
                    ResponseParameterMapping.parse(key, value);
                } catch (IllegalArgumentException e) {
                    violations.add(field + "." + key, e.getMessage());
                }
            });
        });
    }
}
