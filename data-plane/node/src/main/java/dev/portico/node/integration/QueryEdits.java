package dev.portico.node.integration;

import dev.portico.node.pipeline.Exchange;
import dev.portico.node.routing.PercentEncoding;
import dev.portico.snapshot.ParameterMapping.Action;
import io.netty.handler.codec.http.QueryStringDecoder;

import java.util.ArrayList;
import java.util.List;

/**
 * Query-string edits on a raw query: pairs that are not touched go out exactly as they came; names
 * are compared decoded (so {@code a%62=1} is parameter "ab"); new values are query-encoded.
 */
final class QueryEdits {

    private QueryEdits() {
    }

    static String apply(String rawQuery, RequestMapping.Edit[] edits, Exchange exchange) {
        List<String> pairs = new ArrayList<>();
        for (String pair : rawQuery.split("&")) {
            if (!pair.isEmpty()) {
                pairs.add(pair);
            }
        }
        for (RequestMapping.Edit edit : edits) {
            String value = edit.action() == Action.REMOVE ? null : edit.value().evaluate(exchange);
            if (edit.action() != Action.APPEND) {
                pairs.removeIf(pair -> edit.name().equals(name(pair)));
            }
            if (value != null) {
                pairs.add(edit.encodedName() + "=" + PercentEncoding.encodeQueryComponent(value));
            }
        }
        return String.join("&", pairs);
    }

    private static String name(String pair) {
        int equals = pair.indexOf('=');
        String raw = equals < 0 ? pair : pair.substring(0, equals);
        try {
            return QueryStringDecoder.decodeComponent(raw);
        } catch (IllegalArgumentException malformed) {
            return raw;
        }
    }
}
