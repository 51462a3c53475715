package dev.portico.node.integration;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.portico.node.authorize.Authorized;
import dev.portico.snapshot.AuthorizationType;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The payload 2.0 event (API Gateway's HTTP API event): header names lower-cased and repeated
 * values joined with commas, cookies apart, repeated query parameters joined with commas; absent
 * parts are left out, as AWS does. {@code rawPath} is the path as sent (with the stage).
 */
final class FunctionEventV2 {

    private FunctionEventV2() {
    }

    static Buffer write(FunctionRoute route, FunctionRequest request) {
        EventBody body = EventBody.of(request.header(HttpHeaders.CONTENT_TYPE.toString()), request.body());
        int hint = 1024 + (body.value() == null ? 0 : body.value().length());
        return EventJson.document(hint, json -> {
            json.writeStartObject();
            json.writeStringField("version", "2.0");
            json.writeStringField("routeKey", route.routeKey());
            json.writeStringField("rawPath", request.rawPath());
            json.writeStringField("rawQueryString", request.rawQuery() == null ? "" : request.rawQuery());
            Map<String, List<String>> headers = EventJson.grouped(request.headers(), true);
            List<String> cookies = cookies(headers.remove("cookie"));
            if (!cookies.isEmpty()) {
                EventJson.stringList(json, "cookies", cookies);
            }
            joined(json, "headers", headers);
            joined(json, "queryStringParameters", EventJson.query(request.rawQuery()));
            if (!request.pathParameters().isEmpty()) {
                EventJson.stringMap(json, "pathParameters", request.pathParameters());
            }
            if (route.stageVariablesJson() != null) {
                EventJson.raw(json, "stageVariables", route.stageVariablesJson());
            }
            requestContext(json, route, request);
            if (body.value() != null) {
                json.writeStringField("body", body.value());
            }
            json.writeBooleanField("isBase64Encoded", body.base64());
            json.writeEndObject();
        });
    }

    /** Each Cookie header holds {@code a=1; b=2}: one entry per pair. */
    private static List<String> cookies(List<String> headers) {
        if (headers == null) {
            return List.of();
        }
        List<String> cookies = new ArrayList<>();
        for (String header : headers) {
            for (String cookie : header.split(";")) {
                if (!cookie.isBlank()) {
                    cookies.add(cookie.trim());
                }
            }
        }
        return cookies;
    }

    private static void requestContext(JsonGenerator json, FunctionRoute route, FunctionRequest request)
            throws IOException {
        json.writeObjectFieldStart("requestContext");
        json.writeStringField("accountId", EventJson.ACCOUNT_ID);
        json.writeStringField("apiId", route.apiId());
        authorizer(json, route.authorization(), request.authorized());
        json.writeStringField("domainName", request.domainName());
        json.writeStringField("domainPrefix", request.domainPrefix());
        json.writeObjectFieldStart("http");
        json.writeStringField("method", request.method());
        json.writeStringField("path", request.rawPath());
        json.writeStringField("protocol", request.protocol());
        json.writeStringField("sourceIp", request.sourceIp());
        json.writeStringField("userAgent", request.header("User-Agent"));
        json.writeEndObject();
        json.writeStringField("requestId", request.requestId());
        json.writeStringField("routeKey", route.routeKey());
        json.writeStringField("stage", route.stage());
        json.writeStringField("time", ContextValues.REQUEST_TIME.format(Instant.ofEpochMilli(request.epochMillis())));
        json.writeNumberField("timeEpoch", request.epochMillis());
        json.writeEndObject();
    }

    /** JWT: {@code {jwt: {claims, scopes}}}; custom: {@code {lambda: context}}; none: absent. Sorted, so events are stable. */
    private static void authorizer(JsonGenerator json, AuthorizationType type, Authorized authorized) throws IOException {
        if (type == AuthorizationType.JWT) {
            json.writeObjectFieldStart("authorizer");
            json.writeObjectFieldStart("jwt");
            json.writeFieldName("claims");
            EventJson.object(json, new TreeMap<>(authorized.claims()));
            EventJson.stringList(json, "scopes", EventJson.scopes(authorized.claims()));
            json.writeEndObject();
            json.writeEndObject();
        } else if (type == AuthorizationType.CUSTOM) {
            json.writeObjectFieldStart("authorizer");
            json.writeFieldName("lambda");
            EventJson.object(json, new TreeMap<>(authorized.context()));
            json.writeEndObject();
        }
    }

    /** Left out when empty; repeated values joined with commas. */
    private static void joined(JsonGenerator json, String field, Map<String, List<String>> values) throws IOException {
        if (values.isEmpty()) {
            return;
        }
        json.writeObjectFieldStart(field);
        for (Map.Entry<String, List<String>> entry : values.entrySet()) {
            json.writeStringField(entry.getKey(), String.join(",", entry.getValue()));
        }
        json.writeEndObject();
    }
}
