package dev.portico.cp.console;

/** One key/value row of an integration's request parameters form, with what was typed and its error (null: none). */
public record ParameterRow(int index, String key, String value, String error) {

    static ParameterRow of(Form form, int index) {
        return new ParameterRow(index, form.value(keyField(index)), form.value(valueField(index)),
                form.error(rowField(index)));
    }

    static String keyField(int index) {
        return "requestParameters[" + index + "].key";
    }

    static String valueField(int index) {
        return "requestParameters[" + index + "].value";
    }

    /** Where the row's error is kept: the service names the mapping, the form names the row. */
    static String rowField(int index) {
        return "requestParameters[" + index + "]";
    }

    public String keyName() {
        return keyField(index);
    }

    public String valueName() {
        return valueField(index);
    }
}
