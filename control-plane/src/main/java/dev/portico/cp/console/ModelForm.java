package dev.portico.cp.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.portico.cp.api.ModelRequest;
import dev.portico.cp.api.ModelView;
import dev.portico.cp.error.FieldError;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The model form: a name, a description and the schema typed as JSON text. Text that is no JSON is a
 * field error of its own, shown with the service's errors about the other fields; the text is kept.
 */
final class ModelForm {

    static final List<String> FIELDS = List.of("name", "description", "schema");

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    private ModelForm() {
    }

    static Form of(Map<String, String> typed) {
        Map<String, String> values = new HashMap<>();
        FIELDS.forEach(f -> values.put(f, typed.getOrDefault(f, "")));
        return Form.of(values);
    }

    /** A new model's form, with a schema to start from. */
    static Form fresh() {
        return of(Map.of("schema", "{\n  \"type\": \"object\",\n  \"properties\": {}\n}"));
    }

    static Form of(ModelView m) {
        Map<String, String> values = new HashMap<>();
        values.put("name", m.name());
        values.put("description", m.description());
        values.put("schema", shown(m.schema()));
        return of(values);
    }

    /** The request the form describes; or a 400 naming a schema that is no JSON with every other bad field. */
    static ModelRequest request(Form form) {
        List<FieldError> unreadable = new ArrayList<>();
        JsonNode schema = schema(form, unreadable);
        ModelRequest request = new ModelRequest(form.value("name"), form.value("description"), schema);
        return FormNumber.readable(request, unreadable, () -> withoutSchema(request).validate());
    }

    /** Checks the other fields only: the schema's own error is the unreadable text. */
    private static ModelRequest withoutSchema(ModelRequest request) {
        return new ModelRequest(request.name(), request.description(), JSON.createObjectNode());
    }

    private static JsonNode schema(Form form, List<FieldError> errors) {
        String text = form.value("schema").strip();
        if (text.isEmpty()) {
            return null;
        }
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            errors.add(new FieldError("schema", "is not JSON: " + e.getOriginalMessage()
                    + " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")"));
            return null;
        }
    }

    private static String shown(JsonNode schema) {
        try {
            return schema == null ? "" : JSON.writerWithDefaultPrettyPrinter().writeValueAsString(schema);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
