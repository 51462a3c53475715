package dev.portico.node.pipeline;

import dev.portico.snapshot.GatewayResponseType;

/**
 * Which customisable {@link GatewayResponseType} each of the gateway's own answers is: the one place
 * that says so. Keys without a type of their own fall to {@link GatewayResponseType#DEFAULT_4XX} or
 * {@link GatewayResponseType#DEFAULT_5XX} by their status (a test pins the whole table).
 */
public final class GatewayResponseTypes {

    private GatewayResponseTypes() {
    }

    public static GatewayResponseType of(GatewayError error) {
        return switch (error) {
            case API_NOT_FOUND, STAGE_NOT_FOUND, ROUTE_NOT_FOUND, NO_INTEGRATION -> GatewayResponseType.MISSING_ROUTE;
            case JWT_MISSING, JWT_INVALID, JWKS_UNAVAILABLE, CUSTOM_IDENTITY_MISSING -> GatewayResponseType.UNAUTHORIZED;
            case SCOPE_MISSING, CUSTOM_DENIED -> GatewayResponseType.ACCESS_DENIED;
            case API_KEY_MISSING, API_KEY_UNKNOWN, API_KEY_DISABLED, API_KEY_NO_PLAN -> GatewayResponseType.INVALID_API_KEY;
            case THROTTLED -> GatewayResponseType.THROTTLED;
            case QUOTA_EXCEEDED -> GatewayResponseType.QUOTA_EXCEEDED;
            case BODY_TOO_LARGE -> GatewayResponseType.REQUEST_TOO_LARGE;
            case BAD_REQUEST_BODY -> GatewayResponseType.BAD_REQUEST_BODY;
            case BAD_REQUEST_PARAMETERS -> GatewayResponseType.BAD_REQUEST_PARAMETERS;
            case CUSTOM_AUTHORIZER_FAILED, INTEGRATION_UNREACHABLE, INTEGRATION_FAILED, INTEGRATION_RESPONSE_BROKEN,
                 FUNCTION_ERROR, FUNCTION_RESULT_INVALID -> GatewayResponseType.INTEGRATION_FAILURE;
            case INTEGRATION_TIMEOUT -> GatewayResponseType.INTEGRATION_TIMEOUT;
            default -> byStatus(error.status());
        };
    }

    /** The fallback of a type: DEFAULT_4XX or DEFAULT_5XX by the built-in status. */
    public static GatewayResponseType byStatus(int status) {
        return status >= 500 ? GatewayResponseType.DEFAULT_5XX : GatewayResponseType.DEFAULT_4XX;
    }
}
