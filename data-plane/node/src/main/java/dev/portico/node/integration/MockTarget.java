package dev.portico.node.integration;

import dev.portico.node.pipeline.Exchange;
import dev.portico.snapshot.MockIntegration;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Pattern;

/** A MOCK integration: the gateway answers with the configured status, headers and body. */
public final class MockTarget implements IntegrationTarget {

    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    private final int statusCode;
    private final String[] headerNames;
    private final String[] headerValues;
    private final byte[] body;

    /** Throws {@link IllegalArgumentException} for a status or header no HTTP response can carry. */
    public MockTarget(MockIntegration mock) {
        if (mock.statusCode() < 100 || mock.statusCode() > 599) {
            throw new IllegalArgumentException("mock status code " + mock.statusCode() + " is not between 100 and 599");
        }
        mock.headers().forEach((name, value) -> {
            if (!TOKEN.matcher(name).matches() || value == null || value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("mock header \"" + name + "\" is not a valid HTTP header");
            }
        });
        this.statusCode = mock.statusCode();
        this.headerNames = mock.headers().keySet().toArray(new String[0]);
        this.headerValues = new String[headerNames.length];
        Map<String, String> headers = mock.headers();
        for (int i = 0; i < headerNames.length; i++) {
            headerValues[i] = headers.get(headerNames[i]);
        }
        this.body = mock.body().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void invoke(Exchange exchange) {
        exchange.integrationStarted();
        exchange.discardRequestBody();
        HttpServerResponse response = exchange.response().setStatusCode(statusCode);
        for (int i = 0; i < headerNames.length; i++) {
            response.putHeader(headerNames[i], headerValues[i]);
        }
        exchange.integrationEnded();
        response.end(Buffer.buffer(body.clone()));
    }
}
