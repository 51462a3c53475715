package dev.portico.node.integration;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.portico.node.authorize.Authorized;
import dev.portico.snapshot.AuthorizationType;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The payload 1.0 event (API Gateway's REST API proxy event): headers and query parameters both as
 * last-value maps and as lists, absent parts null as AWS writes them. {@code path} is the routed
 * path (no stage), {@code requestContext.path} the path as sent (with the stage).
 */
final class FunctionEventV1 {

    private FunctionEventV1() {
    }

    static Buffer write(FunctionRoute route, FunctionRequest request) {
        EventBody body = EventBody.of(request.header(HttpHeaders.CONTENT_TYPE.toString()), request.body());
        int hint = 1024 + (body.value() == null ? 0 : body.value().length());
        return EventJson.document(hint, json -> {
            json.writeStartObject();
            json.writeStringField("resource", route.resourcePath());
            json.writeStringField("path", route.routedPath(request.rawPath()));
            json.writeStringField("httpMethod", request.method());
            Map<String, List<String>> headers = EventJson.grouped(request.headers(), false);
            lastValues(json, "headers", headers);
            lists(json, "multiValueHeaders", headers);
            Map<String, List<String>> query = EventJson.query(request.rawQuery());
            lastValues(json, "queryStringParameters", query);
            lists(json, "multiValueQueryStringParameters", query);
            if (request.pathParameters().isEmpty()) {
                json.writeNullField("pathParameters");
            } else {
                EventJson.stringMap(json, "pathParameters", request.pathParameters());
            }
            EventJson.raw(json, "stageVariables", route.stageVariablesJson());
            requestContext(json, route, request);
            json.writeStringField("body", body.value());
            json.writeBooleanField("isBase64Encoded", body.base64());
            json.writeEndObject();
        });
    }

    private static void requestContext(JsonGenerator json, FunctionRoute route, FunctionRequest request)
            throws IOException {
        json.writeObjectFieldStart("requestContext");
        json.writeStringField("accountId", EventJson.ACCOUNT_ID);
        json.writeStringField("apiId", route.apiId());
        authorizer(json, route.authorization(), request.authorized());
        json.writeStringField("domainName", request.domainName());
        json.writeStringField("domainPrefix", request.domainPrefix());
        json.writeStringField("extendedRequestId", request.requestId());
        json.writeStringField("httpMethod", request.method());
        json.writeObjectFieldStart("identity");
        json.writeStringField("sourceIp", request.sourceIp());
        json.writeStringField("userAgent", request.header("User-Agent"));
        json.writeEndObject();
        json.writeStringField("path", request.rawPath());
        json.writeStringField("protocol", request.protocol());
        json.writeStringField("requestId", request.requestId());
        json.writeStringField("requestTime", ContextValues.REQUEST_TIME.format(Instant.ofEpochMilli(request.epochMillis())));
        json.writeNumberField("requestTimeEpoch", request.epochMillis());
        json.writeStringField("resourceId", route.routeId());
        json.writeStringField("resourcePath", route.resourcePath());
        json.writeStringField("stage", route.stage());
        json.writeEndObject();
    }

    /** JWT: {@code {claims, scopes}}; custom: its context and {@code principalId}; none: absent. Sorted, so events are stable. */
    private static void authorizer(JsonGenerator json, AuthorizationType type, Authorized authorized) throws IOException {
        if (type == AuthorizationType.JWT) {
            json.writeObjectFieldStart("authorizer");
            json.writeFieldName("claims");
            EventJson.object(json, new TreeMap<>(authorized.claims()));
            EventJson.stringList(json, "scopes", EventJson.scopes(authorized.claims()));
            json.writeEndObject();
        } else if (type == AuthorizationType.CUSTOM) {
            json.writeObjectFieldStart("authorizer");
            for (Map.Entry<String, Object> entry : new TreeMap<>(authorized.context()).entrySet()) {
                json.writeFieldName(entry.getKey());
                EventJson.value(json, entry.getValue());
            }
            json.writeStringField("principalId", authorized.principal());
            json.writeEndObject();
        }
    }

    private static void lastValues(JsonGenerator json, String field, Map<String, List<String>> values) throws IOException {
        if (values.isEmpty()) {
            json.writeNullField(field);
            return;
        }
        json.writeObjectFieldStart(field);
        for (Map.Entry<String, List<String>> entry : values.entrySet()) {
            json.writeStringField(entry.getKey(), entry.getValue().get(entry.getValue().size() - 1));
        }
        json.writeEndObject();
    }

    private static void lists(JsonGenerator json, String field, Map<String, List<String>> values) throws IOException {
        if (values.isEmpty()) {
            json.writeNullField(field);
            return;
        }
        json.writeObjectFieldStart(field);
        for (Map.Entry<String, List<String>> entry : values.entrySet()) {
            EventJson.stringList(json, entry.getKey(), entry.getValue());
        }
        json.writeEndObject();
    }
}
