package dev.portico.node.authorize;

import dev.portico.node.pipeline.GatewayError;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.HashMap;
import java.util.Map;

/**
 * Reads a custom authorizer's answer. Simple responses: {@code {"isAuthorized": bool, "context": {…}}}.
 * Otherwise an IAM policy {@code {principalId, policyDocument: {Statement: [{Effect, Action, Resource}]}, context}}
 * that allows when some statement allows and none denies (statements are not matched against the
 * route ARN). Anything else is not a decision: {@link IllegalArgumentException}.
 */
final class AuthorizerAnswer {

    private AuthorizerAnswer() {
    }

    static Decision read(Buffer body, boolean simpleResponses) {
        JsonObject answer;
        try {
            answer = new JsonObject(body);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("the answer is not a JSON object");
        }
        boolean allowed = simpleResponses ? simple(answer) : policy(answer);
        if (!allowed) {
            return Decision.refuse(GatewayError.CUSTOM_DENIED);
        }
        Object principal = simpleResponses ? null : answer.getValue("principalId");
        return Decision.allow(new Authorized(principal == null ? null : principal.toString(), Map.of(), context(answer)));
    }

    private static boolean simple(JsonObject answer) {
        if (!(answer.getValue("isAuthorized") instanceof Boolean allowed)) {
            throw new IllegalArgumentException("the answer has no boolean isAuthorized");
        }
        return allowed;
    }

    private static boolean policy(JsonObject answer) {
        if (!(answer.getValue("policyDocument") instanceof JsonObject document)) {
            throw new IllegalArgumentException("the answer has no policyDocument");
        }
        Object statements = document.getValue("Statement");
        JsonArray list = statements instanceof JsonObject one ? new JsonArray().add(one)
                : statements instanceof JsonArray many ? many : null;
        if (list == null) {
            throw new IllegalArgumentException("the policyDocument has no Statement");
        }
        boolean allow = false;
        for (Object statement : list) {
            Object effect = statement instanceof JsonObject s ? s.getValue("Effect") : null;
            if ("Deny".equals(effect)) {
                return false;
            }
            allow |= "Allow".equals(effect);
        }
        return allow;
    }

    /** The context without nulls (the exchange's maps hold none). */
    private static Map<String, Object> context(JsonObject answer) {
        if (!(answer.getValue("context") instanceof JsonObject context)) {
            return Map.of();
        }
        Map<String, Object> out = new HashMap<>();
        context.getMap().forEach((name, value) -> {
            if (value != null) {
                out.put(name, value);
            }
        });
        return out;
    }
}
