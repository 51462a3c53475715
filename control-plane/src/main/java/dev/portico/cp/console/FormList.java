package dev.portico.cp.console;

import java.util.Arrays;
import java.util.List;

/** A list typed into one text field, entries separated by commas or spaces; shown back the same way. */
final class FormList {

    private FormList() {
    }

    /** The entries; an empty field is null (the setting is absent). */
    static List<String> read(Form form, String field) {
        String text = form.value(field).strip();
        return text.isEmpty() ? null : Arrays.stream(text.split("[,\\s]+")).filter(s -> !s.isEmpty()).toList();
    }

    static String shown(List<String> values) {
        return values == null ? "" : String.join(", ", values);
    }
}
