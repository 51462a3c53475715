package dev.portico.node.integration;

import dev.portico.node.pipeline.Exchange;
import dev.portico.node.routing.MalformedPathException;
import dev.portico.node.routing.ParamSlot;
import dev.portico.node.routing.PercentEncoding;
import dev.portico.node.routing.RequestPath;
import dev.portico.snapshot.ParameterMapping;
import dev.portico.snapshot.ParameterMapping.Action;
import io.vertx.core.MultiMap;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * An HTTP_PROXY integration's {@code requestParameters} compiled for one route of one stage: header
 * and query-string edits and the path overwrite, applied to the request going to the backend after
 * the gateway's own forwarding headers. Edits run removes first, then overwrites, then appends (each
 * group by name), so the outcome never depends on the order of a JSON object.
 */
final class RequestMapping {

    static final RequestMapping NONE = new RequestMapping(new Edit[0], new Edit[0], null);

    /** One compiled edit; {@code value} is null for a remove. */
    record Edit(Action action, String name, String encodedName, MappedValue value) {
    }

    private static final Comparator<ParameterMapping> ORDER = Comparator
            .comparingInt((ParameterMapping m) -> switch (m.action()) {
                case REMOVE -> 0;
                case OVERWRITE -> 1;
                case APPEND -> 2;
            })
            .thenComparing(m -> m.name() == null ? "" : m.name());

    private final Edit[] headers;
    private final Edit[] query;
    private final MappedValue path;

    private RequestMapping(Edit[] headers, Edit[] query, MappedValue path) {
        this.headers = headers;
        this.query = query;
        this.path = path;
    }

    /** Throws {@link IllegalArgumentException} naming the mapping that is wrong. */
    static RequestMapping compile(Map<String, String> requestParameters, Map<String, String> stageVariables,
                                  List<ParamSlot> slots) {
        if (requestParameters.isEmpty()) {
            return NONE;
        }
        List<ParameterMapping> parsed = new ArrayList<>();
        requestParameters.forEach((key, value) -> {
            try {
                parsed.add(ParameterMapping.parse(key, value));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("requestParameters " + key + ": " + e.getMessage(), e);
            }
        });
        parsed.sort(ORDER);
        List<Edit> headers = new ArrayList<>();
        List<Edit> query = new ArrayList<>();
        MappedValue path = null;
        for (ParameterMapping mapping : parsed) {
            switch (mapping.target()) {
                case HEADER -> headers.add(edit(mapping, MappedValue.Use.HEADER, stageVariables, slots));
                case QUERYSTRING -> query.add(edit(mapping, MappedValue.Use.QUERYSTRING, stageVariables, slots));
                case PATH -> path = MappedValue.compile(mapping.value(), MappedValue.Use.PATH, stageVariables, slots);
            }
        }
        return new RequestMapping(headers.toArray(new Edit[0]), query.toArray(new Edit[0]), path);
    }

    private static Edit edit(ParameterMapping mapping, MappedValue.Use use, Map<String, String> variables,
                             List<ParamSlot> slots) {
        MappedValue value = mapping.action() == Action.REMOVE ? null
                : MappedValue.compile(mapping.value(), use, variables, slots);
        return new Edit(mapping.action(), mapping.name(), PercentEncoding.encodeQueryComponent(mapping.name()), value);
    }

    /** Edits the headers the backend will receive. */
    void applyHeaders(Exchange exchange, MultiMap out) {
        for (Edit edit : headers) {
            String value = edit.action() == Action.REMOVE ? null : edit.value().evaluate(exchange);
            if (edit.action() != Action.APPEND) {
                out.remove(edit.name());
            }
            if (value != null) {
                out.add(edit.name(), value);
            }
        }
    }

    /**
     * The backend request target with the path overwritten and the query edited; {@code target}
     * itself when there is nothing to do, null when the mapped path is not a safe path (a dot
     * segment, a malformed escape).
     */
    String applyTarget(Exchange exchange, String target) {
        if (path == null && query.length == 0) {
            return target;
        }
        int mark = target.indexOf('?');
        String targetPath = mark < 0 ? target : target.substring(0, mark);
        String targetQuery = mark < 0 ? "" : target.substring(mark + 1);
        String mapped = path == null ? null : path.evaluate(exchange);
        if (mapped != null) {
            targetPath = mapped.charAt(0) == '/' ? mapped : "/" + mapped;
            if (!isSafe(targetPath)) {
                return null;
            }
        }
        if (query.length > 0) {
            targetQuery = QueryEdits.apply(targetQuery, query, exchange);
        }
        return targetQuery.isEmpty() ? targetPath : targetPath + "?" + targetQuery;
    }

    private static boolean isSafe(String path) {
        try {
            RequestPath.parse(path);
            return true;
        } catch (MalformedPathException e) {
            return false;
        }
    }
}
