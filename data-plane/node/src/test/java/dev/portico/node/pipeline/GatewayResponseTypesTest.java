package dev.portico.node.pipeline;

import dev.portico.snapshot.GatewayResponseType;
import org.junit.jupiter.api.Test;

import java.util.EnumMap;
import java.util.Map;

import static dev.portico.snapshot.GatewayResponseType.ACCESS_DENIED;
import static dev.portico.snapshot.GatewayResponseType.DEFAULT_4XX;
import static dev.portico.snapshot.GatewayResponseType.DEFAULT_5XX;
import static dev.portico.snapshot.GatewayResponseType.INTEGRATION_FAILURE;
import static dev.portico.snapshot.GatewayResponseType.INVALID_API_KEY;
import static dev.portico.snapshot.GatewayResponseType.MISSING_ROUTE;
import static dev.portico.snapshot.GatewayResponseType.UNAUTHORIZED;
import static org.assertj.core.api.Assertions.assertThat;

/** Every error key has its type written down here: a new key fails this test until it is added. */
class GatewayResponseTypesTest {

    private static final Map<GatewayError, GatewayResponseType> EXPECTED = new EnumMap<>(Map.ofEntries(
            Map.entry(GatewayError.API_NOT_FOUND, MISSING_ROUTE),
            Map.entry(GatewayError.STAGE_NOT_FOUND, MISSING_ROUTE),
            Map.entry(GatewayError.ROUTE_NOT_FOUND, MISSING_ROUTE),
            Map.entry(GatewayError.NO_INTEGRATION, MISSING_ROUTE),
            Map.entry(GatewayError.MALFORMED_PATH, DEFAULT_4XX),
            Map.entry(GatewayError.JWT_MISSING, UNAUTHORIZED),
            Map.entry(GatewayError.JWT_INVALID, UNAUTHORIZED),
            Map.entry(GatewayError.JWKS_UNAVAILABLE, UNAUTHORIZED),
            Map.entry(GatewayError.SCOPE_MISSING, ACCESS_DENIED),
            Map.entry(GatewayError.CUSTOM_IDENTITY_MISSING, UNAUTHORIZED),
            Map.entry(GatewayError.CUSTOM_DENIED, ACCESS_DENIED),
            Map.entry(GatewayError.CUSTOM_AUTHORIZER_FAILED, INTEGRATION_FAILURE),
            Map.entry(GatewayError.API_KEY_MISSING, INVALID_API_KEY),
            Map.entry(GatewayError.API_KEY_UNKNOWN, INVALID_API_KEY),
            Map.entry(GatewayError.API_KEY_DISABLED, INVALID_API_KEY),
            Map.entry(GatewayError.API_KEY_NO_PLAN, INVALID_API_KEY),
            Map.entry(GatewayError.THROTTLED, GatewayResponseType.THROTTLED),
            Map.entry(GatewayError.QUOTA_EXCEEDED, GatewayResponseType.QUOTA_EXCEEDED),
            Map.entry(GatewayError.BAD_REQUEST_BODY, GatewayResponseType.BAD_REQUEST_BODY),
            Map.entry(GatewayError.BAD_REQUEST_PARAMETERS, GatewayResponseType.BAD_REQUEST_PARAMETERS),
            Map.entry(GatewayError.FUNCTION_ERROR, INTEGRATION_FAILURE),
            Map.entry(GatewayError.FUNCTION_RESULT_INVALID, INTEGRATION_FAILURE),
            Map.entry(GatewayError.MALFORMED_REQUEST, DEFAULT_4XX),
            Map.entry(GatewayError.AMBIGUOUS_FRAMING, DEFAULT_4XX),
            Map.entry(GatewayError.URI_TOO_LONG, DEFAULT_4XX),
            Map.entry(GatewayError.HEADERS_TOO_LARGE, DEFAULT_4XX),
            Map.entry(GatewayError.BODY_TOO_LARGE, GatewayResponseType.REQUEST_TOO_LARGE),
            Map.entry(GatewayError.INTEGRATION_UNREACHABLE, INTEGRATION_FAILURE),
            Map.entry(GatewayError.INTEGRATION_FAILED, INTEGRATION_FAILURE),
            Map.entry(GatewayError.INTEGRATION_RESPONSE_BROKEN, INTEGRATION_FAILURE),
            Map.entry(GatewayError.INTEGRATION_TIMEOUT, GatewayResponseType.INTEGRATION_TIMEOUT),
            Map.entry(GatewayError.CLIENT_CLOSED_REQUEST, DEFAULT_4XX),
            Map.entry(GatewayError.INTERNAL_ERROR, DEFAULT_5XX)));

    @Test
    void everyKeyHasItsType() {
        for (GatewayError error : GatewayError.values()) {
            assertThat(EXPECTED).as("the test lists " + error).containsKey(error);
            assertThat(GatewayResponseTypes.of(error)).as(error.name()).isEqualTo(EXPECTED.get(error));
        }
    }

    @Test
    void fallbacksGoByStatus() {
        assertThat(GatewayResponseTypes.byStatus(400)).isEqualTo(DEFAULT_4XX);
        assertThat(GatewayResponseTypes.byStatus(502)).isEqualTo(DEFAULT_5XX);
    }
}
