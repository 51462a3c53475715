package dev.portico.node.pipeline;

import dev.portico.node.observe.AccessLog;
import dev.portico.node.observe.NodeMetrics;
import dev.portico.node.protect.Protection;
import dev.portico.node.routing.ExecuteDomain;
import dev.portico.node.usage.UsageLedger;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;

import static org.assertj.core.api.Assertions.assertThat;

class PipelineTest {

    /** The one place that pins the order of the pipeline (STYLE.md). Change it on purpose only. */
    @Test
    void stepsRunInTheDocumentedOrder() {
        NodeMetrics metrics = new NodeMetrics();
        try (AccessLog log = new AccessLog(OutputStream.nullOutputStream(), metrics)) {
            Pipeline pipeline = Pipeline.standard(log, metrics, GatewayLimits.DEFAULT, new ExecuteDomain("localhost"),
                    Protection.of(null, UsageLedger.newBoot()));

            assertThat(pipeline.steps()).extracting(step -> step.getClass().getSimpleName()).containsExactly(
                    "AccessLogStep",
                    "RequestLimitsStep",
                    "RouteResolutionStep",
                    "CorsPreflightStep",
                    "AuthorizeStep",
                    "ApiKeyStep",
                    "ThrottleStep",
                    "QuotaStep",
                    "ValidationStep",
                    "IntegrationStep");
        }
    }

    @Test
    void decoderFailuresMapToTheirAnswers() {
        assertThat(RequestLimitsStep.decoderError(new io.netty.handler.codec.http.TooLongHttpLineException("x")))
                .isEqualTo(GatewayError.URI_TOO_LONG);
        assertThat(RequestLimitsStep.decoderError(new io.netty.handler.codec.http.TooLongHttpHeaderException("x")))
                .isEqualTo(GatewayError.HEADERS_TOO_LARGE);
        assertThat(RequestLimitsStep.decoderError(new AmbiguousFramingException()))
                .isEqualTo(GatewayError.AMBIGUOUS_FRAMING);
        assertThat(RequestLimitsStep.decoderError(new IllegalArgumentException("bad")))
                .isEqualTo(GatewayError.MALFORMED_REQUEST);
    }

    @Test
    void errorAnswersAreJsonWithTheirMessage() {
        assertThat(new String(GatewayError.ROUTE_NOT_FOUND.body())).isEqualTo("{\"message\":\"Not Found\"}");
        assertThat(new String(GatewayError.INTEGRATION_TIMEOUT.body())).isEqualTo("{\"message\":\"Endpoint request timed out\"}");
        assertThat(GatewayError.INTEGRATION_UNREACHABLE.status()).isEqualTo(502);
        assertThat(GatewayError.BODY_TOO_LARGE.status()).isEqualTo(413);
        assertThat(new String(GatewayError.API_KEY_NO_PLAN.body())).isEqualTo("{\"message\":\"Forbidden\"}");
        assertThat(new String(GatewayError.THROTTLED.body())).isEqualTo("{\"message\":\"Too Many Requests\"}");
        assertThat(new String(GatewayError.QUOTA_EXCEEDED.body())).isEqualTo("{\"message\":\"Limit Exceeded\"}");
        assertThat(GatewayError.THROTTLED.status()).isEqualTo(429);
    }
}
