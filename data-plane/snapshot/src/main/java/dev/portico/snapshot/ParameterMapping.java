package dev.portico.snapshot;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One entry of an HTTP integration's {@code requestParameters}, as in API Gateway HTTP APIs: the key
 * says what to change ({@code overwrite:header.X-User}, {@code append:querystring.q},
 * {@code remove:header.Cookie}, {@code overwrite:path}); the value says with what: literal text and
 * references such as {@code $request.header.X}, {@code $request.querystring.q}, {@code $request.path.id},
 * {@code $request.path}, {@code $context.requestId}, {@code $context.authorizer.claims.sub},
 * {@code $context.authorizer.name} and {@code $stageVariables.name}, written bare or as {@code ${…}}.
 * Parsed once, here, for both the control plane (validation) and the node (compilation).
 */
public record ParameterMapping(Action action, Target target, String name, List<Part> value) {

    public enum Action { OVERWRITE, APPEND, REMOVE }

    public enum Target { HEADER, QUERYSTRING, PATH }

    /** Where a part of the value comes from. */
    public enum Source { TEXT, HEADER, QUERYSTRING, PATH_PARAMETER, PATH, CONTEXT, STAGE_VARIABLE }

    /** A piece of the value: literal text ({@link Source#TEXT}) or a reference to a named thing. */
    public record Part(Source source, String name) {
    }

    /** The {@code $context.} names a value may use besides {@code authorizer.…}. */
    public static final Set<String> CONTEXT_NAMES = Set.of("requestId", "apiId", "stage", "routeKey",
            "httpMethod", "path", "domainName", "requestTime", "requestTimeEpoch", "identity.sourceIp",
            "identity.userAgent", "authorizer.principalId");

    /** Headers a mapping may not touch: the gateway owns them. */
    public static final Set<String> RESERVED_HEADERS = Set.of("host", "connection", "content-length",
            "transfer-encoding", "upgrade", "te", "trailer", "keep-alive", "proxy-connection", "x-request-id");

    private static final Pattern KEY = Pattern.compile("(overwrite|append|remove):(header|querystring|path)(?:\\.(.+))?");
    private static final Pattern REFERENCE = Pattern.compile(
            "\\$\\{(request|context|stageVariables)\\.([^}]+)}|\\$(request|context|stageVariables)\\.([A-Za-z0-9_.:-]+)");
    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    /**
     * An authorizer's identity source: exactly one reference to a request header or query parameter,
     * a stage variable or a {@code $context} name other than the authorizer's own (which is not known
     * yet when it runs). Throws {@link IllegalArgumentException} saying what is wrong.
     */
    public static Part identitySource(String expression) {
        List<Part> parts;
        try {
            parts = parseValue(expression == null ? null : expression.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("\"" + expression + "\": " + e.getMessage());
        }
        Part part = parts.size() == 1 ? parts.get(0) : null;
        if (part == null || part.source() == Source.TEXT || part.source() == Source.PATH
                || part.source() == Source.PATH_PARAMETER
                || (part.source() == Source.CONTEXT && part.name().startsWith("authorizer."))) {
            throw new IllegalArgumentException("\"" + expression + "\" is not an identity source; use "
                    + "$request.header.<name>, $request.querystring.<name>, $stageVariables.<name> or "
                    + "$context.<name> (one of requestId, apiId, stage, routeKey, httpMethod, path, domainName, "
                    + "requestTime, requestTimeEpoch, identity.sourceIp, identity.userAgent)");
        }
        return part;
    }

    /** Parses one mapping; throws {@link IllegalArgumentException} saying what is wrong with key or value. */
    public static ParameterMapping parse(String key, String value) {
        Matcher k = KEY.matcher(key == null ? "" : key);
        if (!k.matches()) {
            throw new IllegalArgumentException("must be action:target, action one of overwrite, append, remove and "
                    + "target header.<name>, querystring.<name> or path");
        }
        Action action = Action.valueOf(k.group(1).toUpperCase(Locale.ROOT));
        Target target = Target.valueOf(k.group(2).toUpperCase(Locale.ROOT));
        String name = k.group(3);
        checkTarget(action, target, name);
        List<Part> parts = action == Action.REMOVE ? List.of() : parseValue(value);
        if (target == Target.PATH && parts.stream().anyMatch(p -> p.source() == Source.TEXT
                && (p.name().indexOf('?') >= 0 || p.name().indexOf('#') >= 0))) {
            throw new IllegalArgumentException("overwrite:path takes a path only, without '?' or '#'");
        }
        return new ParameterMapping(action, target, name, parts);
    }

    private static void checkTarget(Action action, Target target, String name) {
        if (target == Target.PATH) {
            if (name != null || action != Action.OVERWRITE) {
                throw new IllegalArgumentException("the path can only be overwritten, as overwrite:path");
            }
            return;
        }
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("names no " + target.name().toLowerCase(Locale.ROOT));
        }
        if (target == Target.HEADER && !TOKEN.matcher(name).matches()) {
            throw new IllegalArgumentException("\"" + name + "\" is not a header name");
        }
        if (target == Target.HEADER && RESERVED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("header " + name + " is set by the gateway and cannot be mapped");
        }
    }

    private static List<Part> parseValue(String value) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("needs a value");
        }
        List<Part> parts = new ArrayList<>();
        Matcher m = REFERENCE.matcher(value);
        int at = 0;
        while (m.find()) {
            if (m.start() > at) {
                parts.add(new Part(Source.TEXT, value.substring(at, m.start())));
            }
            String root = m.group(1) != null ? m.group(1) : m.group(3);
            String path = m.group(1) != null ? m.group(2) : m.group(4);
            parts.add(reference(root, path));
            at = m.end();
        }
        if (at < value.length()) {
            parts.add(new Part(Source.TEXT, value.substring(at)));
        }
        return List.copyOf(parts);
    }

    private static Part reference(String root, String path) {
        return switch (root) {
            case "stageVariables" -> new Part(Source.STAGE_VARIABLE, path);
            case "context" -> context(path);
            default -> request(path);
        };
    }

    private static Part context(String path) {
        if (CONTEXT_NAMES.contains(path) || (path.startsWith("authorizer.") && path.length() > "authorizer.".length())) {
            return new Part(Source.CONTEXT, path);
        }
        throw new IllegalArgumentException("$context." + path + " is not known; use one of " + CONTEXT_NAMES
                + " or authorizer.<name> / authorizer.claims.<name>");
    }

    private static Part request(String path) {
        if (path.equals("path")) {
            return new Part(Source.PATH, null);
        }
        int dot = path.indexOf('.');
        String kind = dot < 0 ? path : path.substring(0, dot);
        String name = dot < 0 ? "" : path.substring(dot + 1);
        Source source = switch (kind) {
            case "header" -> Source.HEADER;
            case "querystring" -> Source.QUERYSTRING;
            case "path" -> Source.PATH_PARAMETER;
            default -> throw new IllegalArgumentException("$request." + path
                    + " is not known; use $request.header.<name>, $request.querystring.<name>, "
                    + "$request.path.<name> or $request.path");
        };
        if (name.isEmpty()) {
            throw new IllegalArgumentException("$request." + kind + " needs a name");
        }
        return new Part(source, name);
    }
}
