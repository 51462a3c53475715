package dev.portico.node.pipeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Why the gateway answered a request itself (or why an exchange failed). The key (the constant's
 * name) is stable and is what logs, metrics and tests use; the message is what clients read and may
 * be reworded. Several keys share a message on purpose: clients need not learn why a path is unknown.
 */
public enum GatewayError {
    API_NOT_FOUND(404, "Not Found"),
    STAGE_NOT_FOUND(404, "Not Found"),
    ROUTE_NOT_FOUND(404, "Not Found"),
    /** The route was deployed without an integration. */
    NO_INTEGRATION(404, "Not Found"),
    MALFORMED_PATH(400, "Bad Request"),
    /** The route requires an API key and the request has no {@code x-api-key}. */
    /** A JWT route's request carries no token where the authorizer looks (its identity source). */
    JWT_MISSING(401, "Unauthorized"),
    /** The token is not a valid JWT of the issuer: signature, algorithm, {@code iss}, {@code aud}, {@code exp}/{@code nbf}. */
    JWT_INVALID(401, "Unauthorized"),
    /** The issuer's keys (JWKS) could not be fetched and none are cached. */
    JWKS_UNAVAILABLE(401, "Unauthorized"),
    /** A valid token, but with none of the route's authorization scopes. */
    SCOPE_MISSING(403, "Forbidden"),
    /** One of a custom authorizer's identity sources is absent or empty; the authorizer was not called. */
    CUSTOM_IDENTITY_MISSING(401, "Unauthorized"),
    /** The custom authorizer said no. */
    CUSTOM_DENIED(403, "Forbidden"),
    /** The custom authorizer was unreachable, too slow, failed or answered something that is not a decision. */
    CUSTOM_AUTHORIZER_FAILED(500, "Internal Server Error"),
    API_KEY_MISSING(403, "Forbidden"),
    API_KEY_UNKNOWN(403, "Forbidden"),
    API_KEY_DISABLED(403, "Forbidden"),
    /** The key is valid, but none of its usage plans covers this API stage. */
    API_KEY_NO_PLAN(403, "Forbidden"),
    /** A token bucket (plan, route, stage or node-wide) is empty; the answer carries Retry-After. */
    THROTTLED(429, "Too Many Requests"),
    /** The key's quota for the period is used up, fleet-wide. */
    QUOTA_EXCEEDED(429, "Limit Exceeded"),
    /** A route's required parameter (querystring, header or path) is absent or empty; the answer lists them in {@code errors}. */
    BAD_REQUEST_PARAMETERS(400, "Missing required request parameters"),
    /** The body is empty, not JSON, or fails the route's model; the answer lists every failure in {@code errors}. */
    BAD_REQUEST_BODY(400, "Invalid request body"),
    /** The HTTP decoder refused the request (bad syntax, bad header). */
    MALFORMED_REQUEST(400, "Bad Request", true),
    /** Both Content-Length and Transfer-Encoding, or a Transfer-Encoding other than chunked. */
    AMBIGUOUS_FRAMING(400, "Bad Request", true),
    URI_TOO_LONG(414, "URI Too Long", true),
    HEADERS_TOO_LARGE(431, "Request Header Fields Too Large", true),
    BODY_TOO_LARGE(413, "Request Entity Too Large", true),
    /** Could not connect to the backend. */
    INTEGRATION_UNREACHABLE(502, "Bad Gateway"),
    /** The backend reset the connection or sent something that is not HTTP, before its response head. */
    INTEGRATION_FAILED(502, "Bad Gateway"),
    /** The backend broke off after its response head went to the client; the client sees a cut connection. */
    INTEGRATION_RESPONSE_BROKEN(502, "Bad Gateway"),
    INTEGRATION_TIMEOUT(504, "Endpoint request timed out"),
    /**
     * The function failed: {@code X-Amz-Function-Error}, an error object ({@code errorMessage},
     * {@code errorType}), a non-2xx answer of the invoke endpoint, or an answer over the size limit.
     * Worded as API Gateway words it.
     */
    FUNCTION_ERROR(502, "Internal Server Error"),
    /** The function answered something its payload version does not allow (no numeric statusCode, not JSON, …). */
    FUNCTION_RESULT_INVALID(502, "Internal Server Error"),
    /** The client went away before the response was sent (logged as status 499, as nginx does). */
    CLIENT_CLOSED_REQUEST(499, "Client Closed Request"),
    INTERNAL_ERROR(500, "Internal Server Error");

    private final int status;
    private final String message;
    private final boolean closesConnection;
    private final byte[] body;

    GatewayError(int status, String message) {
        this(status, message, false);
    }

    /** @param closesConnection the rest of the connection cannot be trusted (or is not worth reading) */
    GatewayError(int status, String message, boolean closesConnection) {
        this.status = status;
        this.message = message;
        this.closesConnection = closesConnection;
        this.body = ("{\"message\":\"" + message + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    public int status() {
        return status;
    }

    public String message() {
        return message;
    }

    public boolean closesConnection() {
        return closesConnection;
    }

    /** The JSON answer {@code {"message": "…"}}; a fresh copy, callers may hand it to Netty. */
    public byte[] body() {
        return body.clone();
    }

    /** The JSON answer {@code {"message": "…", "errors": ["…", …]}}, for answers that say what was wrong. */
    public byte[] body(List<String> errors) {
        ObjectNode answer = ERRORS_JSON.createObjectNode().put("message", message);
        ArrayNode list = answer.putArray("errors");
        errors.forEach(list::add);
        try {
            return ERRORS_JSON.writeValueAsBytes(answer);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write an error answer", e);
        }
    }

    /** Only for the rare answers with {@code errors}; the plain ones are prebuilt bytes. */
    private static final ObjectMapper ERRORS_JSON = new ObjectMapper();
}
