package dev.portico.node.integration;

import dev.portico.node.pipeline.GatewayError;

/** Why a function's answer cannot be passed on; thrown while reading it, answered with {@link #reason()}. */
final class FunctionFailure extends RuntimeException {

    private final GatewayError reason;

    FunctionFailure(GatewayError reason, String detail) {
        super(detail, null, false, false);
        this.reason = reason;
    }

    static FunctionFailure invalid(String detail) {
        return new FunctionFailure(GatewayError.FUNCTION_RESULT_INVALID, detail);
    }

    GatewayError reason() {
        return reason;
    }
}
