package dev.portico.snapshot;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.util.List;

/**
 * An HTTP endpoint that decides, like an AWS Lambda authorizer: the node POSTs the authorizer event
 * of {@code payloadFormatVersion} to {@code uri}.
 *
 * @param identitySources       e.g. {@code $request.header.Authorization}; when any is absent the caller
 *                              gets 401 without a call; their values key the result cache
 * @param resultTtlSeconds      how long an answer is reused for the same identity values; 0 = never
 * @param timeoutMillis         the call's time limit; a late answer is a 500
 * @param enableSimpleResponses the answer is {@code {isAuthorized, context}}; otherwise an IAM policy
 */
public record CustomAuthorizer(String id, String name, String uri, List<String> identitySources,
                               int resultTtlSeconds, int timeoutMillis, boolean enableSimpleResponses,
                               String payloadFormatVersion) implements Authorizer {

    public static final String TYPE = "CUSTOM";
    public static final int DEFAULT_RESULT_TTL_SECONDS = 300;
    public static final int MAX_RESULT_TTL_SECONDS = 3600;
    public static final int DEFAULT_TIMEOUT_MILLIS = 10_000;
    public static final int MAX_TIMEOUT_MILLIS = 30_000;
    public static final String PAYLOAD_FORMAT_VERSION = "2.0";

    public CustomAuthorizer {
        identitySources = identitySources == null ? List.of() : List.copyOf(identitySources);
        timeoutMillis = timeoutMillis <= 0 ? DEFAULT_TIMEOUT_MILLIS : timeoutMillis;
        payloadFormatVersion = payloadFormatVersion == null ? PAYLOAD_FORMAT_VERSION : payloadFormatVersion;
    }

    @Override
    @JsonIgnore
    public AuthorizationType authorizationType() {
        return AuthorizationType.CUSTOM;
    }
}
