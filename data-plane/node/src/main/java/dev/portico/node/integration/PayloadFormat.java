package dev.portico.node.integration;

import dev.portico.snapshot.FunctionIntegration;
import io.vertx.core.buffer.Buffer;

/** A FUNCTION integration's {@code payloadFormatVersion}: the event it sends and how it reads the result. */
public enum PayloadFormat {
    V1_0 {
        @Override
        public Buffer event(FunctionRoute route, FunctionRequest request) {
            return FunctionEventV1.write(route, request);
        }

        @Override
        FunctionResult result(Buffer answer) {
            return FunctionResultV1.read(answer);
        }
    },
    V2_0 {
        @Override
        public Buffer event(FunctionRoute route, FunctionRequest request) {
            return FunctionEventV2.write(route, request);
        }

        @Override
        FunctionResult result(Buffer answer) {
            return FunctionResultV2.read(answer);
        }
    };

    /** Throws {@link IllegalArgumentException} for a version the node does not speak. */
    public static PayloadFormat of(String version) {
        if (FunctionIntegration.VERSION_1.equals(version)) {
            return V1_0;
        }
        if (FunctionIntegration.VERSION_2.equals(version)) {
            return V2_0;
        }
        throw new IllegalArgumentException("payloadFormatVersion \"" + version + "\" is not 1.0 or 2.0");
    }

    public abstract Buffer event(FunctionRoute route, FunctionRequest request);

    /** Throws {@link FunctionFailure} when the result is an error or not valid for the version. */
    abstract FunctionResult result(Buffer answer);
}
