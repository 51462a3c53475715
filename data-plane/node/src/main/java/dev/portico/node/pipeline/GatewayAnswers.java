package dev.portico.node.pipeline;

import dev.portico.snapshot.GatewayResponse;
import dev.portico.snapshot.GatewayResponseType;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;

import java.util.List;
import java.util.Map;

/**
 * The gateway's own answers for one stage, with the deployment's gateway responses compiled in: for
 * every {@link GatewayError}, its specific type's response, else DEFAULT_4XX / DEFAULT_5XX, else the
 * built-in {@code {"message": "…"}}. Resolved per error once per snapshot, so a rejection is one
 * array read. Answers given before a stage is known use {@link #BUILT_IN}.
 */
public final class GatewayAnswers {

    public static final GatewayAnswers BUILT_IN = new GatewayAnswers(new CustomAnswer[GatewayError.values().length]);

    private static final CharSequence JSON = HttpHeaders.createOptimized("application/json");

    /** By {@link GatewayError#ordinal()}; null where the built-in answer stands. */
    private final CustomAnswer[] byError;

    private GatewayAnswers(CustomAnswer[] byError) {
        this.byError = byError;
    }

    /** Throws {@link IllegalArgumentException} for a template or header the contract's parser refuses. */
    public static GatewayAnswers compile(Map<GatewayResponseType, GatewayResponse> responses, String apiId,
                                         String stage, Map<String, String> stageVariables) {
        if (responses.isEmpty()) {
            return BUILT_IN;
        }
        CustomAnswer[] byError = new CustomAnswer[GatewayError.values().length];
        for (GatewayError error : GatewayError.values()) {
            GatewayResponseType type = GatewayResponseTypes.of(error);
            GatewayResponse response = responses.get(type);
            if (response == null) {
                response = responses.get(GatewayResponseTypes.byStatus(error.status()));
            }
            if (response != null) {
                AnswerTemplate.Constants constants = new AnswerTemplate.Constants(apiId, stage, stageVariables,
                        error.message(), type.name());
                byError[error.ordinal()] = CustomAnswer.compile(response, constants);
            }
        }
        return new GatewayAnswers(byError);
    }

    /** Sets status and headers of {@code response} for {@code reason} and returns the body to send. */
    Buffer write(HttpServerResponse response, String requestId, GatewayError reason, List<String> errors) {
        CustomAnswer custom = byError[reason.ordinal()];
        response.setStatusCode(custom == null || custom.status() == null ? reason.status() : custom.status());
        response.putHeader(HttpHeaders.CONTENT_TYPE, JSON);
        if (custom == null) {
            return Buffer.buffer(errors.isEmpty() ? reason.body() : reason.body(errors));
        }
        custom.writeHeaders(response.headers(), requestId, errors);
        return custom.body(requestId, errors, reason);
    }
}
