package dev.portico.snapshot;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a snapshot before a node compiles it: a known schema major, unique names, parseable
 * route keys, routes pointing at integrations and authorizers that exist, content hashes that match,
 * parseable parameter mappings, FUNCTION integrations of a known payload version, unique models
 * that routes' validation names, valid gateway responses, CORS that browsers accept, sane throttles
 * and quotas, and keys subscribed only to plans that exist.
 */
public final class SnapshotValidator {

    /** The schema majors this build can serve. */
    public static final Set<Integer> KNOWN_MAJORS = Set.of(1);

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern HTTP_TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    private SnapshotValidator() {
    }

    /** Throws {@link InvalidSnapshotException} listing every problem, or returns the snapshot. */
    public static Snapshot requireValid(Snapshot snapshot) {
        List<String> problems = problems(snapshot);
        if (!problems.isEmpty()) {
            throw new InvalidSnapshotException(problems);
        }
        return snapshot;
    }

    public static List<String> problems(Snapshot snapshot) {
        List<String> problems = new ArrayList<>();
        if (!KNOWN_MAJORS.contains(snapshot.schemaMajor())) {
            problems.add("unsupported snapshot schema version \"" + snapshot.schemaVersion()
                    + "\"; this node understands major version(s) " + KNOWN_MAJORS);
            return problems;
        }
        if (snapshot.revision() < 0) {
            problems.add("revision must not be negative");
        }
        Set<String> apiIds = new HashSet<>();
        for (Api api : snapshot.apis()) {
            if (api.id() == null || !apiIds.add(api.id())) {
                problems.add("api id missing or repeated: " + api.id());
            }
            checkCors("api " + api.id(), api.cors(), problems);
            checkStages(api, problems);
        }
        Set<String> planIds = checkPlans(snapshot.usagePlans(), problems);
        checkKeys(snapshot.apiKeys(), planIds, problems);
        return problems;
    }

    private static Set<String> checkPlans(List<UsagePlan> plans, List<String> problems) {
        Set<String> ids = new HashSet<>();
        for (UsagePlan plan : plans) {
            String where = "usage plan " + plan.id();
            if (plan.id() == null || !ids.add(plan.id())) {
                problems.add(where + ": id missing or repeated");
            }
            checkThrottle(where, plan.throttle(), problems);
            checkQuota(where, plan.quota(), problems);
            for (PlanStage stage : plan.apiStages()) {
                stage.throttle().forEach((routeKey, throttle) -> {
                    checkRouteKey(where + " " + stage.label(), routeKey, problems);
                    checkThrottle(where + " " + stage.label() + " " + routeKey, throttle, problems);
                });
            }
        }
        return ids;
    }

    private static void checkKeys(List<ApiKey> keys, Set<String> planIds, List<String> problems) {
        Set<String> ids = new HashSet<>();
        Set<String> hashes = new HashSet<>();
        for (ApiKey key : keys) {
            String where = "API key " + key.id();
            if (key.id() == null || !ids.add(key.id())) {
                problems.add(where + ": id missing or repeated");
            }
            if (key.keyHash() == null || !SHA256_HEX.matcher(key.keyHash()).matches() || !hashes.add(key.keyHash())) {
                problems.add(where + ": key hash missing, not lowercase SHA-256 hex, or repeated");
            }
            for (String planId : key.usagePlanIds()) {
                if (!planIds.contains(planId)) {
                    problems.add(where + ": subscribed to unknown usage plan " + planId);
                }
            }
        }
    }

    private static void checkThrottle(String where, Throttle throttle, List<String> problems) {
        if (throttle != null && (!(throttle.rateLimit() > 0) || Double.isInfinite(throttle.rateLimit())
                || throttle.burstLimit() < 1)) {
            problems.add(where + ": throttle needs rateLimit > 0 and burstLimit >= 1, got " + throttle);
        }
    }

    private static void checkQuota(String where, Quota quota, List<String> problems) {
        if (quota != null && (quota.limit() < 1 || quota.period() == null || quota.offset() < 0
                || quota.offset() > quota.period().maxOffset())) {
            problems.add(where + ": quota needs limit >= 1, a period and an offset within it, got " + quota);
        }
    }

    private static void checkRouteKey(String where, String routeKey, List<String> problems) {
        try {
            RouteKey.parse(routeKey);
        } catch (InvalidRouteKeyException e) {
            problems.add(where + ": route " + routeKey + ": " + e.getMessage());
        }
    }

    private static void checkStages(Api api, List<String> problems) {
        Set<String> names = new HashSet<>();
        for (Stage stage : api.stages()) {
            String where = "api " + api.id() + " stage " + stage.name();
            if (stage.name() == null || !names.add(stage.name())) {
                problems.add(where + ": stage name missing or repeated");
            }
            checkThrottle(where, stage.throttle(), problems);
            stage.routeThrottles().forEach((routeKey, throttle) -> {
                checkRouteKey(where, routeKey, problems);
                checkThrottle(where + " " + routeKey, throttle, problems);
            });
            if (stage.deployment() == null) {
                problems.add(where + ": no deployment");
            } else {
                checkDeployment(where, stage.deployment(), problems);
            }
        }
    }

    private static void checkDeployment(String where, Deployment deployment, List<String> problems) {
        Set<String> integrationIds = new HashSet<>();
        for (Integration integration : deployment.integrations()) {
            if (integration.id() == null || !integrationIds.add(integration.id())) {
                problems.add(where + ": integration id missing or repeated: " + integration.id());
            }
        }
        Set<String> shapes = new HashSet<>();
        for (Route route : deployment.routes()) {
            try {
                if (!shapes.add(RouteKey.parse(route.routeKey()).shape())) {
                    problems.add(where + ": route key conflicts with another: " + route.routeKey());
                }
            } catch (InvalidRouteKeyException e) {
                problems.add(where + ": route " + route.routeKey() + ": " + e.getMessage());
            }
            if (route.integrationId() != null && !integrationIds.contains(route.integrationId())) {
                problems.add(where + ": route " + route.routeKey() + " names unknown integration " + route.integrationId());
            }
        }
        Map<String, AuthorizationType> authorizers = checkAuthorizers(where, deployment.authorizers(), problems);
        for (Route route : deployment.routes()) {
            checkAuthorization(where + ": route " + route.routeKey(), route, authorizers, problems);
        }
        for (Integration integration : deployment.integrations()) {
            if (integration instanceof HttpProxyIntegration proxy) {
                checkMappings(where + ": integration " + proxy.id(), proxy.requestParameters(), problems);
                checkResponseMappings(where + ": integration " + proxy.id(), proxy.responseParameters(), problems);
            } else if (integration instanceof FunctionIntegration function) {
                checkFunction(where + ": integration " + function.id(), function, problems);
                checkResponseMappings(where + ": integration " + function.id(), function.responseParameters(), problems);
            }
        }
        Set<String> models = checkModels(where, deployment.models(), problems);
        for (Route route : deployment.routes()) {
            checkValidation(where + ": route " + route.routeKey(), route.requestValidation(), models, problems);
        }
        deployment.gatewayResponses().forEach((type, response) ->
                checkGatewayResponse(where + ": gateway response " + type, response, problems));
        String expected = SnapshotCodec.contentHash(deployment.content());
        if (!expected.equals(deployment.contentHash())) {
            problems.add(where + ": content hash " + deployment.contentHash() + " does not match content (" + expected + ")");
        }
    }

    private static void checkFunction(String where, FunctionIntegration function, List<String> problems) {
        checkHttpUri(where + ": uri", function.uri(), false, problems);
        if (!FunctionIntegration.VERSIONS.contains(function.payloadFormatVersion())) {
            problems.add(where + ": payloadFormatVersion must be 1.0 or 2.0, got " + function.payloadFormatVersion());
        }
        if (function.timeoutMillis() > HttpProxyIntegration.MAX_TIMEOUT_MILLIS) {
            problems.add(where + ": timeoutMillis must be at most " + HttpProxyIntegration.MAX_TIMEOUT_MILLIS);
        }
    }

    private static Set<String> checkModels(String where, List<Model> models, List<String> problems) {
        Set<String> names = new HashSet<>();
        for (Model model : models) {
            if (model.name() == null || !names.add(model.name())) {
                problems.add(where + ": model name missing or repeated: " + model.name());
            }
            if (model.schema() == null || !(model.schema().isObject() || model.schema().isBoolean())) {
                problems.add(where + ": model " + model.name() + ": schema must be a JSON object");
            }
        }
        return names;
    }

    private static void checkValidation(String where, RequestValidation validation, Set<String> models,
                                        List<String> problems) {
        if (validation == null) {
            return;
        }
        if (validation.bodyModel() != null && !models.contains(validation.bodyModel())) {
            problems.add(where + ": bodyModel names unknown model " + validation.bodyModel());
        }
        for (String parameter : validation.requiredParameters()) {
            if (parameter == null || !RequestValidation.REQUIRED_PARAMETER.matcher(parameter).matches()) {
                problems.add(where + ": required parameter must be querystring.NAME, header.NAME or path.NAME, got "
                        + parameter);
            }
        }
    }

    private static void checkGatewayResponse(String where, GatewayResponse response, List<String> problems) {
        if (response == null) {
            problems.add(where + ": missing");
            return;
        }
        if (response.statusCode() != null && (response.statusCode() < 100 || response.statusCode() > 599)) {
            problems.add(where + ": statusCode must be between 100 and 599, got " + response.statusCode());
        }
        response.headers().forEach((name, value) -> {
            if (!HTTP_TOKEN.matcher(name).matches() || value == null || value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
                problems.add(where + ": header \"" + name + "\" is not a valid HTTP header");
            }
            checkTemplate(where + ": header " + name, value, problems);
        });
        checkTemplate(where + ": body", response.body(), problems);
    }

    private static void checkTemplate(String where, String template, List<String> problems) {
        try {
            GatewayResponseTemplate.parse(template);
        } catch (IllegalArgumentException e) {
            problems.add(where + ": " + e.getMessage());
        }
    }

    private static void checkResponseMappings(String where, Map<String, Map<String, String>> parameters,
                                              List<String> problems) {
        parameters.forEach((selector, mappings) -> {
            try {
                ResponseParameterMapping.selector(selector);
            } catch (IllegalArgumentException e) {
                problems.add(where + ": responseParameters " + e.getMessage());
            }
            mappings.forEach((key, value) -> {
                try {
                    ResponseParameterMapping.parse(key, value);
                } catch (IllegalArgumentException e) {
                    problems.add(where + ": responseParameters " + selector + " " + key + ": " + e.getMessage());
                }
            });
        });
    }

    private static Map<String, AuthorizationType> checkAuthorizers(String where, List<Authorizer> authorizers,
                                                                   List<String> problems) {
        Map<String, AuthorizationType> types = new HashMap<>();
        for (Authorizer authorizer : authorizers) {
            String at = where + ": authorizer " + authorizer.id();
            if (authorizer.id() == null || types.put(authorizer.id(), authorizer.authorizationType()) != null) {
                problems.add(at + ": id missing or repeated");
            }
            if (authorizer instanceof JwtAuthorizer jwt) {
                checkJwt(at, jwt, problems);
            } else if (authorizer instanceof CustomAuthorizer custom) {
                checkCustom(at, custom, problems);
            }
        }
        return types;
    }

    private static void checkJwt(String where, JwtAuthorizer jwt, List<String> problems) {
        if (jwt.issuer() == null || jwt.issuer().isBlank()) {
            problems.add(where + ": no issuer");
        }
        if (jwt.audiences().isEmpty()) {
            problems.add(where + ": no audiences");
        }
        checkHttpUri(where + ": jwksUri", jwt.jwksUri(), true, problems);
        checkIdentitySource(where, jwt.identitySource(), problems);
    }

    private static void checkIdentitySource(String where, String source, List<String> problems) {
        try {
            ParameterMapping.identitySource(source);
        } catch (IllegalArgumentException e) {
            problems.add(where + ": identity source " + e.getMessage());
        }
    }

    private static void checkCustom(String where, CustomAuthorizer custom, List<String> problems) {
        checkHttpUri(where + ": uri", custom.uri(), false, problems);
        custom.identitySources().forEach(source -> checkIdentitySource(where, source, problems));
        if (custom.resultTtlSeconds() < 0 || custom.resultTtlSeconds() > CustomAuthorizer.MAX_RESULT_TTL_SECONDS) {
            problems.add(where + ": resultTtlSeconds must be 0.." + CustomAuthorizer.MAX_RESULT_TTL_SECONDS);
        }
        if (custom.timeoutMillis() > CustomAuthorizer.MAX_TIMEOUT_MILLIS) {
            problems.add(where + ": timeoutMillis must be at most " + CustomAuthorizer.MAX_TIMEOUT_MILLIS);
        }
        if (!CustomAuthorizer.PAYLOAD_FORMAT_VERSION.equals(custom.payloadFormatVersion())) {
            problems.add(where + ": payloadFormatVersion must be " + CustomAuthorizer.PAYLOAD_FORMAT_VERSION);
        }
    }

    private static void checkHttpUri(String where, String uri, boolean optional, List<String> problems) {
        if (uri == null && optional) {
            return;
        }
        try {
            URI parsed = new URI(uri);
            if (!("http".equals(parsed.getScheme()) || "https".equals(parsed.getScheme())) || parsed.getHost() == null) {
                problems.add(where + " must be an absolute http(s) URI, got " + uri);
            }
        } catch (URISyntaxException | NullPointerException e) {
            problems.add(where + " must be an absolute http(s) URI, got " + uri);
        }
    }

    private static void checkAuthorization(String where, Route route, Map<String, AuthorizationType> authorizers,
                                           List<String> problems) {
        if (route.authorizationType() == AuthorizationType.NONE) {
            if (route.authorizerId() != null) {
                problems.add(where + ": authorizationType NONE with an authorizer");
            }
            return;
        }
        if (authorizers.get(route.authorizerId()) != route.authorizationType()) {
            problems.add(where + ": authorizationType " + route.authorizationType()
                    + " needs an authorizer of that type, got " + route.authorizerId());
        }
    }

    private static void checkMappings(String where, Map<String, String> mappings, List<String> problems) {
        mappings.forEach((key, value) -> {
            try {
                ParameterMapping.parse(key, value);
            } catch (IllegalArgumentException e) {
                problems.add(where + ": requestParameters " + key + ": " + e.getMessage());
            }
        });
    }

    private static void checkCors(String where, Cors cors, List<String> problems) {
        if (cors != null && cors.allowCredentials() && cors.allowOrigins().contains(Cors.ANY)) {
            problems.add(where + ": CORS allowCredentials cannot be combined with allowOrigins \"*\"");
        }
    }
}
