package dev.portico.node.pipeline;

import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;

/**
 * Refuses what the node must not pass on: requests the HTTP decoder could not read (over-long
 * request line 414, header block 431, bad syntax 400), ambiguous body framing (400; the classic
 * request-smuggling shape; {@code StrictRequestDecoder} has already turned it into a decoder
 * failure, so it is not looked for twice), and bodies declared larger than the limit (413). Bodies without a declared length are counted while they stream (see the integration).
 */
final class RequestLimitsStep implements Step {

    private final GatewayLimits limits;

    RequestLimitsStep(GatewayLimits limits) {
        this.limits = limits;
    }

    @Override
    public void onRequest(Exchange exchange) {
        HttpServerRequest request = exchange.request();
        DecoderResult decoded = request.decoderResult();
        if (decoded != null && decoded.isFailure()) {
            exchange.reject(decoderError(decoded.cause()));
        } else if (declaredLength(request) > limits.maxBodyBytes()) {
            exchange.reject(GatewayError.BODY_TOO_LARGE);
        } else {
            exchange.proceed();
        }
    }

    static GatewayError decoderError(Throwable cause) {
        if (cause instanceof TooLongHttpLineException) {
            return GatewayError.URI_TOO_LONG;
        }
        if (cause instanceof TooLongHttpHeaderException || cause instanceof TooLongFrameException) {
            return GatewayError.HEADERS_TOO_LARGE;
        }
        if (cause instanceof AmbiguousFramingException) {
            return GatewayError.AMBIGUOUS_FRAMING;
        }
        return GatewayError.MALFORMED_REQUEST;
    }

    private static long declaredLength(HttpServerRequest request) {
        String length = request.headers().get(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            return 0;
        }
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }
}
