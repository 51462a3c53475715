package dev.portico.cp.console;

/** One name/value row of a stage's variables form, with what was typed and its errors (null: none). */
public record VariableRow(int index, String name, String value, String nameError, String valueError) {

    static VariableRow of(Form form, int index) {
        String prefix = "variables[" + index + "]";
        return new VariableRow(index, form.value(prefix + ".name"), form.value(prefix + ".value"),
                form.error(prefix + ".name"), form.error(prefix + ".value"));
    }

    public String nameField() {
        return "variables[" + index + "].name";
    }

    public String valueField() {
        return "variables[" + index + "].value";
    }
}
