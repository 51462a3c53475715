package dev.portico.cp.api;

import java.util.Map;
import java.util.regex.Pattern;

/** The rule for a MOCK integration's headers: HTTP token names, values without line breaks. */
final class MockHeaders {

    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    private MockHeaders() {
    }

    static void check(Map<String, String> headers, Violations violations) {
        headers.forEach((name, value) -> {
            if (!TOKEN.matcher(name).matches()) {
                violations.add("headers." + name, "is not a valid header name");
            } else if (value == null || value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
                violations.add("headers." + name, "must be a string without line breaks");
            }
        });
    }
}
