package dev.portico.snapshot;

/**
 * The kinds of answer the gateway gives itself that an API may customise ({@link GatewayResponse}).
 * A specific type beats {@link #DEFAULT_4XX} / {@link #DEFAULT_5XX}, which beat the built-in answer.
 * The names are Amazon API Gateway's.
 */
public enum GatewayResponseType {
    DEFAULT_4XX,
    DEFAULT_5XX,
    /** No route matched (404). */
    MISSING_ROUTE,
    /** A JWT or custom authorizer found no valid identity (401). */
    UNAUTHORIZED,
    /** An authorizer said no, or the token lacks the route's scopes (403). */
    ACCESS_DENIED,
    /** The API key is missing, unknown, disabled or in no plan for the stage (403). */
    INVALID_API_KEY,
    /** A throttle refused the request (429). */
    THROTTLED,
    /** The key's quota is used up (429). */
    QUOTA_EXCEEDED,
    /** The body failed its model (400). */
    BAD_REQUEST_BODY,
    /** A required request parameter is absent (400). */
    BAD_REQUEST_PARAMETERS,
    /** The backend or function could not be reached or failed (502), or a custom authorizer failed (500). */
    INTEGRATION_FAILURE,
    /** The backend or function was slower than its timeout (504). */
    INTEGRATION_TIMEOUT,
    /** The body is over the limit (413). */
    REQUEST_TOO_LARGE
}
