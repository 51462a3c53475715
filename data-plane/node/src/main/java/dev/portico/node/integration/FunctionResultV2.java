package dev.portico.node.integration;

import dev.portico.node.pipeline.GatewayError;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.Map;

/**
 * Reads a payload 2.0 result by AWS's rules: an object with {@code statusCode} is
 * {@code {statusCode, headers, cookies, body, isBase64Encoded}} (each cookie becomes a Set-Cookie);
 * any other JSON is a 200 {@code application/json} whose body is that JSON as the function wrote it, except that a string
 * is the body itself (as AWS answers a function returning {@code "hello"} with {@code hello}).
 */
final class FunctionResultV2 {

    private static final String JSON = "application/json";

    private FunctionResultV2() {
    }

    static FunctionResult read(Buffer answer) {
        Object result = FunctionResult.json(answer);
        if (result instanceof JsonObject object && object.containsKey("statusCode")) {
            return structured(object);
        }
        if (result instanceof JsonObject object && FunctionResult.isErrorObject(object)) {
            throw new FunctionFailure(GatewayError.FUNCTION_ERROR, "the function reported an error");
        }
        MultiMap headers = FunctionResult.emptyHeaders().add(HttpHeaders.CONTENT_TYPE, JSON);
        Buffer body = result instanceof String text ? Buffer.buffer(text) : answer;
        return new FunctionResult(200, headers, body);
    }

    private static FunctionResult structured(JsonObject result) {
        int status = FunctionResult.statusCode(result);
        MultiMap headers = FunctionResult.emptyHeaders();
        for (Map.Entry<String, Object> header : FunctionResult.entries(FunctionResult.headerMap(result, "headers"))) {
            FunctionResult.addHeader(headers, header.getKey(), header.getValue());
        }
        Object cookies = result.getValue("cookies");
        if (cookies instanceof JsonArray list) {
            list.forEach(cookie -> FunctionResult.addHeader(headers, "Set-Cookie", cookie));
        } else if (cookies != null) {
            throw FunctionFailure.invalid("cookies is not a list");
        }
        return new FunctionResult(status, headers, FunctionResult.body(result));
    }
}
