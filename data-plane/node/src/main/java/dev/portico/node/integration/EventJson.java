package dev.portico.node.integration;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What both event formats write the same way, with Jackson's streaming generator (no data binding). */
final class EventJson {

    /**
     * The node belongs to no AWS account; functions that read {@code requestContext.accountId} see
     * this fixed value (twelve zeros, the shape of an account id).
     */
    static final String ACCOUNT_ID = "000000000000";

    private static final JsonFactory FACTORY = new JsonFactory();

    @FunctionalInterface
    interface Body {
        void write(JsonGenerator json) throws IOException;
    }

    private EventJson() {
    }

    /** One JSON document, written in one pass. */
    static Buffer document(int sizeHint, Body body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(sizeHint);
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            body.write(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Buffer.buffer(out.toByteArray());
    }

    /** The headers grouped by name, case-insensitively, in the order they came; names as first sent or lower-cased. */
    static Map<String, List<String>> grouped(MultiMap headers, boolean lowerCase) {
        Map<String, List<String>> byName = new LinkedHashMap<>();
        Map<String, List<String>> byLowerName = new HashMap<>();
        for (Map.Entry<String, String> header : headers) {
            String lower = header.getKey().toLowerCase(Locale.ROOT);
            List<String> values = byLowerName.get(lower);
            if (values == null) {
                values = new ArrayList<>(1);
                byLowerName.put(lower, values);
                byName.put(lowerCase ? lower : header.getKey(), values);
            }
            values.add(header.getValue());
        }
        return byName;
    }

    /** Decoded query parameters in the order they came; empty when there is no query. */
    static Map<String, List<String>> query(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return Map.of();
        }
        return new QueryStringDecoder(rawQuery, false).parameters();
    }

    static void stringMap(JsonGenerator json, String field, Map<String, String> values) throws IOException {
        json.writeObjectFieldStart(field);
        for (Map.Entry<String, String> entry : values.entrySet()) {
            json.writeStringField(entry.getKey(), entry.getValue());
        }
        json.writeEndObject();
    }

    /** Raw JSON prepared when compiling, or null. */
    static void raw(JsonGenerator json, String field, String rawJson) throws IOException {
        json.writeFieldName(field);
        if (rawJson == null) {
            json.writeNull();
        } else {
            json.writeRawValue(rawJson);
        }
    }

    /** A JWT's or a custom authorizer's value: strings, numbers, booleans, objects and lists. */
    static void value(JsonGenerator json, Object value) throws IOException {
        if (value == null) {
            json.writeNull();
        } else if (value instanceof String text) {
            json.writeString(text);
        } else if (value instanceof Boolean flag) {
            json.writeBoolean(flag);
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            json.writeNumber(((Number) value).longValue());
        } else if (value instanceof Number number) {
            json.writeNumber(number.doubleValue());
        } else if (value instanceof JsonObject object) {
            object(json, object.getMap());
        } else if (value instanceof Map<?, ?> map) {
            object(json, map);
        } else if (value instanceof JsonArray array) {
            list(json, array.getList());
        } else if (value instanceof Collection<?> list) {
            list(json, list);
        } else {
            json.writeString(value.toString());
        }
    }

    static void object(JsonGenerator json, Map<?, ?> map) throws IOException {
        json.writeStartObject();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            json.writeFieldName(String.valueOf(entry.getKey()));
            value(json, entry.getValue());
        }
        json.writeEndObject();
    }

    private static void list(JsonGenerator json, Collection<?> list) throws IOException {
        json.writeStartArray();
        for (Object item : list) {
            value(json, item);
        }
        json.writeEndArray();
    }

    /**
     * The scopes a JWT granted ({@code scope}, space-separated, and {@code scp}, a list or
     * space-separated), or null when it has none, as API Gateway writes {@code scopes}. The claims
     * hold non-strings as their JSON text, so a {@code scp} list arrives as JSON.
     */
    static List<String> scopes(Map<String, Object> claims) {
        List<String> scopes = new ArrayList<>();
        addScopes(scopes, claims.get("scope"));
        addScopes(scopes, claims.get("scp"));
        return scopes.isEmpty() ? null : scopes;
    }

    private static void addScopes(List<String> scopes, Object claim) {
        if (!(claim instanceof String text) || text.isBlank()) {
            return;
        }
        if (text.startsWith("[")) {
            try {
                new JsonArray(text).forEach(item -> {
                    if (item instanceof String scope) {
                        scopes.add(scope);
                    }
                });
            } catch (RuntimeException notJson) {
                // not a list after all: taken as space-separated below
                addSpaceSeparated(scopes, text);
            }
            return;
        }
        addSpaceSeparated(scopes, text);
    }

    private static void addSpaceSeparated(List<String> scopes, String text) {
        for (String scope : text.trim().split("\\s+")) {
            scopes.add(scope);
        }
    }

    static void stringList(JsonGenerator json, String field, List<String> values) throws IOException {
        json.writeFieldName(field);
        if (values == null) {
            json.writeNull();
            return;
        }
        json.writeStartArray();
        for (String value : values) {
            json.writeString(value);
        }
        json.writeEndArray();
    }
}
