package dev.portico.cp.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.portico.snapshot.GatewayResponseType;

import java.time.Instant;
import java.util.Map;

/**
 * A gateway response as the admin API shows it. {@code defaultResponse} is true while the type is not
 * customised (the built-in answer stands; no revision or times then).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GatewayResponseView(GatewayResponseType type, boolean defaultResponse, Integer statusCode,
                                  Map<String, String> headers, String body, Long revision, Instant createdAt,
                                  Instant updatedAt) {

    static GatewayResponseView of(GatewayResponseEntity e) {
        return new GatewayResponseView(e.type, false, e.statusCode, e.headers, e.body, e.revision, e.createdAt,
                e.updatedAt);
    }

    static GatewayResponseView builtIn(GatewayResponseType type) {
        return new GatewayResponseView(type, true, null, Map.of(), null, null, null, null);
    }
}
