package dev.portico.node.integration;

import dev.portico.node.pipeline.GatewayError;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.Map;

/**
 * Reads a payload 1.0 result: {@code {statusCode, headers, multiValueHeaders, body, isBase64Encoded}}.
 * Anything else (not an object, no numeric statusCode) is invalid, as API Gateway's REST APIs
 * answer "Malformed Lambda proxy response". Both header maps are merged as AWS merges them: every
 * value of {@code multiValueHeaders}, then each {@code headers} value not already listed for its name.
 */
final class FunctionResultV1 {

    private FunctionResultV1() {
    }

    static FunctionResult read(Buffer answer) {
        if (!(FunctionResult.json(answer) instanceof JsonObject result)) {
            throw FunctionFailure.invalid("the result is not a JSON object");
        }
        if (FunctionResult.isErrorObject(result)) {
            throw new FunctionFailure(GatewayError.FUNCTION_ERROR, "the function reported an error");
        }
        int status = FunctionResult.statusCode(result);
        MultiMap headers = FunctionResult.emptyHeaders();
        for (Map.Entry<String, Object> header : FunctionResult.entries(FunctionResult.headerMap(result, "multiValueHeaders"))) {
            if (header.getValue() instanceof JsonArray values) {
                values.forEach(value -> FunctionResult.addHeader(headers, header.getKey(), value));
            } else {
                FunctionResult.addHeader(headers, header.getKey(), header.getValue());
            }
        }
        for (Map.Entry<String, Object> header : FunctionResult.entries(FunctionResult.headerMap(result, "headers"))) {
            if (header.getValue() != null && !FunctionResult.hasValue(headers, header.getKey(), header.getValue().toString())) {
                FunctionResult.addHeader(headers, header.getKey(), header.getValue());
            }
        }
        return new FunctionResult(status, headers, FunctionResult.body(result));
    }
}
