package dev.portico.snapshot;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.Map;

/**
 * How one type of the gateway's own answers looks for an API's deployment.
 *
 * @param statusCode null keeps the built-in status
 * @param headers    added to the answer; values may hold {@code $context.*} and {@code $stageVariables.*}
 * @param body       the body template ({@code $context.requestId}, {@code $context.error.message}, …);
 *                   null keeps the built-in {@code {"message": "…"}}
 */
public record GatewayResponse(Integer statusCode,
                              @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> headers,
                              String body) {

    public GatewayResponse {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }
}
