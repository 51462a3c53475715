package dev.portico.node.integration;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;

import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The HTTP answer a function's result stands for. The readers of both payload versions share the
 * checks here: a numeric status, headers an HTTP response can carry (hop-by-hop ones dropped),
 * base64 bodies decoded.
 */
record FunctionResult(int statusCode, MultiMap headers, Buffer body) {

    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    /** The result as JSON (object, array, string, number, boolean or null); not JSON at all: invalid. */
    static Object json(Buffer answer) {
        try {
            return Json.decodeValue(answer);
        } catch (DecodeException e) {
            throw FunctionFailure.invalid("the result is not JSON");
        }
    }

    /** An unhandled error as the Lambda runtime reports it: {@code {"errorMessage": …, "errorType": …}}. */
    static boolean isErrorObject(JsonObject result) {
        return !result.containsKey("statusCode") && result.containsKey("errorMessage")
                && (result.containsKey("errorType") || result.size() == 1);
    }

    static int statusCode(JsonObject result) {
        if (!(result.getValue("statusCode") instanceof Number number) || number.doubleValue() != number.intValue()
                || number.intValue() < 100 || number.intValue() > 599) {
            throw FunctionFailure.invalid("statusCode is not a number between 100 and 599");
        }
        return number.intValue();
    }

    /** {@code body} (a string, or absent), decoded when {@code isBase64Encoded} is true. */
    static Buffer body(JsonObject result) {
        Object body = result.getValue("body");
        if (body == null) {
            return Buffer.buffer();
        }
        if (!(body instanceof String text)) {
            throw FunctionFailure.invalid("body is not a string");
        }
        if (!Boolean.TRUE.equals(result.getValue("isBase64Encoded"))) {
            return Buffer.buffer(text);
        }
        try {
            return Buffer.buffer(Base64.getDecoder().decode(text));
        } catch (IllegalArgumentException e) {
            throw FunctionFailure.invalid("body is not base64");
        }
    }

    /** A map of header name to string (or, for multi-value maps, to a list of strings), or null. */
    static JsonObject headerMap(JsonObject result, String field) {
        Object value = result.getValue(field);
        if (value == null) {
            return null;
        }
        if (!(value instanceof JsonObject map)) {
            throw FunctionFailure.invalid(field + " is not an object");
        }
        return map;
    }

    /** Adds a header unless it describes a connection (the gateway's business) or the length (the gateway sets it). */
    static void addHeader(MultiMap headers, String name, Object value) {
        if (value == null) {
            return;
        }
        String text = value instanceof String s ? s : value.toString();
        if (!TOKEN.matcher(name).matches() || text.indexOf('\r') >= 0 || text.indexOf('\n') >= 0) {
            throw FunctionFailure.invalid("header \"" + name + "\" is not a valid HTTP header");
        }
        if (!HopByHop.isHopByHop(name) && !HttpHeaders.CONTENT_LENGTH.toString().equalsIgnoreCase(name)) {
            headers.add(name, text);
        }
    }

    static MultiMap emptyHeaders() {
        return HttpHeaders.headers();
    }

    static boolean hasValue(MultiMap headers, String name, String value) {
        for (String present : headers.getAll(name)) {
            if (present.equals(value)) {
                return true;
            }
        }
        return false;
    }

    static Iterable<Map.Entry<String, Object>> entries(JsonObject map) {
        return map == null ? List.of() : map;
    }
}
