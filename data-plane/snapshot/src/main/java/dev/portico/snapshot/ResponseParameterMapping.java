package dev.portico.snapshot;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One entry of an integration's {@code responseParameters}, as in API Gateway HTTP APIs: under a
 * status selector ({@code "404"}, or a range {@code "4XX"}; a specific code beats a range), the key
 * says what to change ({@code overwrite:statuscode}, {@code append:header.X}, {@code overwrite:header.X},
 * {@code remove:header.X}); the value says with what: literal text and references
 * {@code $response.header.X}, {@code $response.body.a.b} (a JSON path into a JSON body),
 * {@code $context.*} (the names {@link ParameterMapping#CONTEXT_NAMES} and {@code authorizer.…}) and
 * {@code $stageVariables.name}, bare or as {@code ${…}}. Parsed once, here, for both the control plane
 * (validation) and the node (compilation).
 */
public record ResponseParameterMapping(Action action, Target target, String header, List<Part> value) {

    public enum Action { OVERWRITE, APPEND, REMOVE }

    public enum Target { STATUS_CODE, HEADER }

    /** Where a part of the value comes from. */
    public enum Source { TEXT, RESPONSE_HEADER, RESPONSE_BODY, CONTEXT, STAGE_VARIABLE }

    /** A piece of the value: literal text, or a reference; for {@link Source#RESPONSE_BODY} the name is the dotted JSON path. */
    public record Part(Source source, String name) {
    }

    /** A status selector: one code, or a class such as {@code 4XX} (then {@code code} is 4). */
    public record Selector(int code, boolean range) {

        /** How specific: a code beats its range. */
        public boolean matches(int status) {
            return range ? status / 100 == code : status == code;
        }
    }

    /**
     * Headers a response mapping may not touch, after API Gateway HTTP APIs' reserved headers
     * ({@code access-control-*} is owned by CORS, {@code apigw-*} and {@code x-amz*} by AWS there, by us
     * here), plus our own {@code X-Request-Id}. Compared in lower case; entries ending in '*' are prefixes.
     */
    public static final Set<String> RESERVED_HEADERS = Set.of("access-control-*", "apigw-*", "authorization",
            "connection", "content-encoding", "content-length", "content-location", "forwarded", "keep-alive",
            "origin", "proxy-authenticate", "proxy-authorization", "te", "trailer", "trailers", "transfer-encoding",
            "upgrade", "x-amz-*", "x-amzn-*", "x-forwarded-for", "x-forwarded-host", "x-forwarded-proto", "via",
            "host", "x-request-id");

    private static final Pattern SELECTOR = Pattern.compile("([1-5])(?:([0-9]{2})|XX)");
    private static final Pattern KEY = Pattern.compile("(overwrite|append|remove):(statuscode|header\\.(.*))");
    private static final Pattern REFERENCE = Pattern.compile(
            "\\$\\{(response|context|stageVariables)\\.([^}]+)}|\\$(response|context|stageVariables)\\.([A-Za-z0-9_.:-]+)");
    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    private static final Pattern STATUS = Pattern.compile("[1-5][0-9]{2}");

    /** Parses a status selector; throws {@link IllegalArgumentException} saying what is wrong. */
    public static Selector selector(String text) {
        Matcher m = SELECTOR.matcher(text == null ? "" : text);
        if (!m.matches()) {
            throw new IllegalArgumentException("\"" + text + "\" is not a status selector; use a code 100..599 "
                    + "or a range 1XX..5XX");
        }
        return m.group(2) == null ? new Selector(Integer.parseInt(m.group(1)), true)
                : new Selector(Integer.parseInt(text), false);
    }

    /** Parses one mapping; throws {@link IllegalArgumentException} saying what is wrong with key or value. */
    public static ResponseParameterMapping parse(String key, String value) {
        Matcher k = KEY.matcher(key == null ? "" : key);
        if (!k.matches()) {
            throw new IllegalArgumentException("must be overwrite:statuscode, or append, overwrite or remove "
                    + "with header.<name>");
        }
        Action action = Action.valueOf(k.group(1).toUpperCase(Locale.ROOT));
        if (k.group(3) == null) {
            if (action != Action.OVERWRITE) {
                throw new IllegalArgumentException("the status code can only be overwritten, as overwrite:statuscode");
            }
            List<Part> parts = parseValue(value);
            if (parts.size() == 1 && parts.get(0).source() == Source.TEXT && !isStatus(parts.get(0).name())) {
                throw new IllegalArgumentException("\"" + value + "\" is not a status code 100..599");
            }
            return new ResponseParameterMapping(action, Target.STATUS_CODE, null, parts);
        }
        String header = k.group(3);
        if (!TOKEN.matcher(header).matches()) {
            throw new IllegalArgumentException("\"" + header + "\" is not a header name");
        }
        if (reserved(header)) {
            throw new IllegalArgumentException("header " + header + " is reserved and cannot be mapped");
        }
        List<Part> parts = action == Action.REMOVE ? List.of() : parseValue(value);
        return new ResponseParameterMapping(action, Target.HEADER, header, parts);
    }

    /** Whether a value reads the response body, which then has to be buffered. */
    public boolean readsBody() {
        return value.stream().anyMatch(p -> p.source() == Source.RESPONSE_BODY);
    }

    static boolean isStatus(String text) {
        return STATUS.matcher(text.strip()).matches();
    }

    private static boolean reserved(String header) {
        String lower = header.toLowerCase(Locale.ROOT);
        for (String reserved : RESERVED_HEADERS) {
            if (reserved.endsWith("*") ? lower.startsWith(reserved.substring(0, reserved.length() - 1))
                    : lower.equals(reserved)) {
                return true;
            }
        }
        return false;
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
            default -> response(path);
        };
    }

    private static Part context(String path) {
        if (ParameterMapping.CONTEXT_NAMES.contains(path)
                || (path.startsWith("authorizer.") && path.length() > "authorizer.".length())) {
            return new Part(Source.CONTEXT, path);
        }
        throw new IllegalArgumentException("$context." + path + " is not known; use one of "
                + ParameterMapping.CONTEXT_NAMES + " or authorizer.<name> / authorizer.claims.<name>");
    }

    private static Part response(String path) {
        if (path.startsWith("header.") && path.length() > "header.".length()) {
            return new Part(Source.RESPONSE_HEADER, path.substring("header.".length()));
        }
        if (path.startsWith("body.") && path.length() > "body.".length()) {
            String jsonPath = path.substring("body.".length());
            for (String step : jsonPath.split("\\.", -1)) {
                if (step.isEmpty()) {
                    throw new IllegalArgumentException("$response." + path + " is not a JSON path; use $response.body.a.b");
                }
            }
            return new Part(Source.RESPONSE_BODY, jsonPath);
        }
        throw new IllegalArgumentException("$response." + path
                + " is not known; use $response.header.<name> or $response.body.<json path>");
    }
}
