package dev.portico.snapshot;

import java.util.Map;

/** Answered by the gateway itself, without a backend. */
public record MockIntegration(String id, int statusCode, Map<String, String> headers, String body)
        implements Integration {

    public static final String TYPE = "MOCK";

    public MockIntegration {
        statusCode = statusCode == 0 ? 200 : statusCode;
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        body = body == null ? "" : body;
    }
}
