package dev.portico.node.integration;

import dev.portico.node.pipeline.Exchange;
import dev.portico.snapshot.ResponseParameterMapping;
import dev.portico.snapshot.ResponseParameterMapping.Action;
import dev.portico.snapshot.ResponseParameterMapping.Target;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;

import java.util.List;
import java.util.Map;

/**
 * The edits of one status selector, compiled. Every value is read from the response as the
 * integration sent it, before any edit: a mapping never sees another mapping's result, so their
 * order in the JSON does not matter. Removals run first, then overwrites, then appends.
 */
final class ResponseEdits {

    private final ResponseValue status;
    private final Action[] actions;
    private final String[] headers;
    private final ResponseValue[] values;
    private final boolean readsBody;

    private ResponseEdits(ResponseValue status, Action[] actions, String[] headers, ResponseValue[] values,
                          boolean readsBody) {
        this.status = status;
        this.actions = actions;
        this.headers = headers;
        this.values = values;
        this.readsBody = readsBody;
    }

    static ResponseEdits compile(List<ResponseParameterMapping> mappings, Map<String, String> stageVariables) {
        List<ResponseParameterMapping> ordered = mappings.stream()
                .filter(m -> m.target() == Target.HEADER)
                .sorted((a, b) -> Integer.compare(rank(a.action()), rank(b.action())))
                .toList();
        ResponseValue status = null;
        for (ResponseParameterMapping mapping : mappings) {
            if (mapping.target() == Target.STATUS_CODE) {
                status = ResponseValue.compile(mapping.value(), stageVariables);
            }
        }
        Action[] actions = new Action[ordered.size()];
        String[] headers = new String[ordered.size()];
        ResponseValue[] values = new ResponseValue[ordered.size()];
        for (int i = 0; i < actions.length; i++) {
            ResponseParameterMapping mapping = ordered.get(i);
            actions[i] = mapping.action();
            headers[i] = mapping.header();
            values[i] = mapping.action() == Action.REMOVE ? null : ResponseValue.compile(mapping.value(), stageVariables);
        }
        boolean readsBody = mappings.stream().anyMatch(ResponseParameterMapping::readsBody);
        return new ResponseEdits(status, actions, headers, values, readsBody);
    }

    private static int rank(Action action) {
        return switch (action) {
            case REMOVE -> 0;
            case OVERWRITE -> 1;
            case APPEND -> 2;
        };
    }

    boolean readsBody() {
        return readsBody;
    }

    int apply(Exchange exchange, int original, MultiMap response, Buffer body) {
        Object json = readsBody ? json(body) : null;
        String[] computed = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            computed[i] = values[i] == null ? null : values[i].evaluate(exchange, response, json, true);
        }
        int code = status == null ? original : statusCode(status.evaluate(exchange, response, json, false), original);
        for (int i = 0; i < actions.length; i++) {
            switch (actions[i]) {
                case REMOVE -> response.remove(headers[i]);
                case OVERWRITE -> {
                    if (computed[i] != null) {
                        response.set(headers[i], computed[i]);
                    }
                }
                case APPEND -> {
                    if (computed[i] != null) {
                        response.add(headers[i], computed[i]);
                    }
                }
            }
        }
        return code;
    }

    /** A value that is no status code keeps the integration's. */
    private static int statusCode(String value, int original) {
        if (value == null) {
            return original;
        }
        try {
            int code = Integer.parseInt(value.strip());
            return code >= 100 && code <= 599 ? code : original;
        } catch (NumberFormatException e) {
            return original;
        }
    }

    /** The decoded body, or null when it is not JSON: body references then come out empty. */
    private static Object json(Buffer body) {
        if (body == null || body.length() == 0) {
            return null;
        }
        try {
            return Json.decodeValue(body);
        } catch (DecodeException notJson) {
            return null;
        }
    }
}
