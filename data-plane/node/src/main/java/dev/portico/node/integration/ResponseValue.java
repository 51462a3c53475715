package dev.portico.node.integration;

import dev.portico.node.pipeline.Exchange;
import dev.portico.snapshot.ResponseParameterMapping.Part;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.Map;

/**
 * The value of one response mapping, compiled: literal text and references bound to their readers
 * (stage variables settled, JSON paths split). As for requests ({@link MappedValue}), a value whose
 * references all come out empty is nothing, and then changes nothing.
 */
final class ResponseValue {

    /** Reads one part from the exchange, the integration's response headers and its decoded JSON body (or null). */
    @FunctionalInterface
    interface Reader {
        String read(Exchange exchange, MultiMap headers, Object json);
    }

    private final Reader[] readers;
    private final boolean[] references;
    private final boolean anyReference;

    private ResponseValue(Reader[] readers, boolean[] references, boolean anyReference) {
        this.readers = readers;
        this.references = references;
        this.anyReference = anyReference;
    }

    static ResponseValue compile(List<Part> parts, Map<String, String> stageVariables) {
        Reader[] readers = new Reader[parts.size()];
        boolean[] references = new boolean[parts.size()];
        boolean any = false;
        for (int i = 0; i < readers.length; i++) {
            Part part = parts.get(i);
            references[i] = part.source() != dev.portico.snapshot.ResponseParameterMapping.Source.TEXT;
            any |= references[i];
            readers[i] = reader(part, stageVariables);
        }
        return new ResponseValue(readers, references, any);
    }

    private static Reader reader(Part part, Map<String, String> stageVariables) {
        String name = part.name();
        return switch (part.source()) {
            case TEXT -> (e, h, j) -> name;
            case STAGE_VARIABLE -> {
                String value = stageVariables.get(name);
                yield (e, h, j) -> value;
            }
            case RESPONSE_HEADER -> (e, h, j) -> header(h, name);
            case RESPONSE_BODY -> {
                String[] path = name.split("\\.");
                yield (e, h, j) -> select(j, path);
            }
            case CONTEXT -> {
                ValueSource source = ContextValues.source(name);
                yield (e, h, j) -> source.read(e);
            }
        };
    }

    /** Several values of a header are joined with commas, as API Gateway does. */
    private static String header(MultiMap headers, String name) {
        List<String> all = headers.getAll(name);
        return all.isEmpty() ? null : all.size() == 1 ? all.get(0) : String.join(",", all);
    }

    /** Walks a dotted path: names into objects, numbers into arrays. Objects and arrays come out as JSON. */
    static String select(Object json, String[] path) {
        Object at = json;
        for (String step : path) {
            if (at instanceof JsonObject object) {
                at = object.getValue(step);
            } else if (at instanceof JsonArray array && isIndex(step) && Integer.parseInt(step) < array.size()) {
                at = array.getValue(Integer.parseInt(step));
            } else {
                return null;
            }
        }
        if (at instanceof JsonObject object) {
            return object.encode();
        }
        if (at instanceof JsonArray array) {
            return array.encode();
        }
        return at == null ? null : at.toString();
    }

    private static boolean isIndex(String step) {
        return !step.isEmpty() && step.length() < 9 && step.chars().allMatch(Character::isDigit);
    }

    /** The value, or null for nothing; with {@code forHeader}, also null for text no header can carry. */
    String evaluate(Exchange exchange, MultiMap headers, Object json, boolean forHeader) {
        StringBuilder out = null;
        boolean found = !anyReference;
        for (int i = 0; i < readers.length; i++) {
            String part = readers[i].read(exchange, headers, json);
            if (part != null && !part.isEmpty()) {
                found |= references[i];
                out = out == null ? new StringBuilder(32) : out;
                out.append(part);
            }
        }
        if (!found || out == null) {
            return null;
        }
        String value = out.toString();
        return forHeader && !fitsAHeader(value) ? null : value;
    }

    private static boolean fitsAHeader(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < 0x20 && c != '\t') || c == 0x7f) {
                return false;
            }
        }
        return true;
    }
}
