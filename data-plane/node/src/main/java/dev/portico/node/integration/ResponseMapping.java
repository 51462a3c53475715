package dev.portico.node.integration;

import dev.portico.node.pipeline.Exchange;
import dev.portico.snapshot.ResponseParameterMapping;
import dev.portico.snapshot.ResponseParameterMapping.Selector;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An integration's {@code responseParameters}, compiled for one stage: per status selector the
 * edits to make to the response's status and headers just before its head goes out. A specific code
 * ({@code "404"}) beats its range ({@code "4XX"}); only one selector applies to a response.
 *
 * <p>Integrations call {@link #readsBody} when their response's status is known (only then need the
 * body be buffered, otherwise it keeps streaming) and {@link #apply} before they write the head.
 * The gateway's head decorations ({@code X-Request-Id}, CORS) are set after, so they always win.
 */
public final class ResponseMapping {

    public static final ResponseMapping NONE = new ResponseMapping(Map.of(), new ResponseEdits[6]);

    private final Map<Integer, ResponseEdits> byCode;
    /** By status class, 1 to 5. */
    private final ResponseEdits[] byClass;

    private ResponseMapping(Map<Integer, ResponseEdits> byCode, ResponseEdits[] byClass) {
        this.byCode = byCode;
        this.byClass = byClass;
    }

    /** Throws {@link IllegalArgumentException} saying which selector or mapping is wrong. */
    public static ResponseMapping compile(Map<String, Map<String, String>> parameters, Map<String, String> stageVariables) {
        if (parameters.isEmpty()) {
            return NONE;
        }
        Map<Integer, ResponseEdits> byCode = new HashMap<>();
        ResponseEdits[] byClass = new ResponseEdits[6];
        parameters.forEach((text, mappings) -> {
            Selector selector = ResponseParameterMapping.selector(text);
            List<ResponseParameterMapping> parsed = new ArrayList<>();
            mappings.forEach((key, value) -> {
                try {
                    parsed.add(ResponseParameterMapping.parse(key, value));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("responseParameters " + text + " " + key + ": " + e.getMessage());
                }
            });
            ResponseEdits edits = ResponseEdits.compile(parsed, stageVariables);
            if (selector.range()) {
                byClass[selector.code()] = edits;
            } else {
                byCode.put(selector.code(), edits);
            }
        });
        return new ResponseMapping(Map.copyOf(byCode), byClass);
    }

    public boolean isEmpty() {
        return this == NONE;
    }

    /** Whether the edits for {@code status} read the body: then the caller must buffer it and pass it to {@link #apply}. */
    public boolean readsBody(int status) {
        ResponseEdits edits = select(status);
        return edits != null && edits.readsBody();
    }

    /**
     * Edits {@code headers} in place for a response of {@code status} and returns the status to send.
     *
     * @param body the whole body when {@link #readsBody} said so, else null (body references then come out empty)
     */
    public int apply(Exchange exchange, int status, MultiMap headers, Buffer body) {
        ResponseEdits edits = select(status);
        return edits == null ? status : edits.apply(exchange, status, headers, body);
    }

    private ResponseEdits select(int status) {
        if (isEmpty()) {
            return null;
        }
        ResponseEdits edits = byCode.get(status);
        if (edits == null && status >= 100 && status < 600) {
            edits = byClass[status / 100];
        }
        return edits;
    }
}
