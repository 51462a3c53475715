package dev.portico.snapshot;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The parsed form of a route key: {@code "$default"} or {@code "METHOD /path"}.
 *
 * <p>Grammar (the same as Amazon API Gateway HTTP APIs): METHOD is one of {@link #METHODS} in upper
 * case; the path starts with "/", has no empty segments and no trailing slash (except "/" itself);
 * a segment is a literal, a parameter {@code {name}}, or — as the last segment only — a greedy
 * parameter {@code {name+}}. Parameter names are unique within a key.
 */
public record RouteKey(String method, List<Segment> segments) {

    public static final String DEFAULT = "$default";
    public static final String ANY = "ANY";
    public static final Set<String> METHODS =
            Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", ANY);

    private static final Pattern PARAM_NAME = Pattern.compile("[A-Za-z0-9_.-]+");
    private static final Pattern LITERAL = Pattern.compile("[A-Za-z0-9\\-._~!$&'()*+,;=:@%]+");

    public RouteKey {
        segments = segments == null ? List.of() : List.copyOf(segments);
    }

    /** One path segment of a route key. */
    public record Segment(Kind kind, String value) {
        public enum Kind { LITERAL, PARAM, GREEDY }

        @Override
        public String toString() {
            return switch (kind) {
                case LITERAL -> value;
                case PARAM -> "{" + value + "}";
                case GREEDY -> "{" + value + "+}";
            };
        }
    }

    public boolean isDefault() {
        return method == null;
    }

    /**
     * The key with parameter names blanked out: two keys with the same shape can never be told apart
     * by a request, so they conflict ("GET /pets/{id}" and "GET /pets/{name}").
     */
    public String shape() {
        if (isDefault()) {
            return DEFAULT;
        }
        StringBuilder out = new StringBuilder(method).append(' ');
        if (segments.isEmpty()) {
            out.append('/');
        }
        for (Segment s : segments) {
            out.append('/').append(switch (s.kind()) {
                case LITERAL -> s.value();
                case PARAM -> "{}";
                case GREEDY -> "{+}";
            });
        }
        return out.toString();
    }

    @Override
    public String toString() {
        if (isDefault()) {
            return DEFAULT;
        }
        StringBuilder path = new StringBuilder();
        for (Segment s : segments) {
            path.append('/').append(s);
        }
        return method + " " + (path.length() == 0 ? "/" : path);
    }

    /** Parses a route key, or throws {@link InvalidRouteKeyException} saying what is wrong. */
    public static RouteKey parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidRouteKeyException("route key is empty");
        }
        if (DEFAULT.equals(text)) {
            return new RouteKey(null, List.of());
        }
        int space = text.indexOf(' ');
        if (space < 0) {
            throw new InvalidRouteKeyException("route key must be \"$default\" or \"METHOD /path\", got \"" + text + "\"");
        }
        String method = text.substring(0, space);
        if (!METHODS.contains(method)) {
            String hint = METHODS.contains(method.toUpperCase(Locale.ROOT)) ? " (methods are upper case)" : "";
            throw new InvalidRouteKeyException("unknown method \"" + method + "\"" + hint
                    + "; use one of GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS, ANY");
        }
        return new RouteKey(method, parsePath(text.substring(space + 1)));
    }

    private static List<Segment> parsePath(String path) {
        if (!path.startsWith("/")) {
            throw new InvalidRouteKeyException("path must start with \"/\", got \"" + path + "\"");
        }
        if ("/".equals(path)) {
            return List.of();
        }
        if (path.endsWith("/")) {
            throw new InvalidRouteKeyException("path must not end with \"/\"");
        }
        String[] parts = path.substring(1).split("/", -1);
        List<Segment> segments = new ArrayList<>(parts.length);
        Set<String> names = new HashSet<>();
        for (int i = 0; i < parts.length; i++) {
            Segment segment = parseSegment(parts[i]);
            if (segment.kind() == Segment.Kind.GREEDY && i != parts.length - 1) {
                throw new InvalidRouteKeyException("greedy parameter {" + segment.value() + "+} must be the last segment");
            }
            if (segment.kind() != Segment.Kind.LITERAL && !names.add(segment.value())) {
                throw new InvalidRouteKeyException("parameter {" + segment.value() + "} appears twice");
            }
            segments.add(segment);
        }
        return segments;
    }

    private static Segment parseSegment(String part) {
        if (part.isEmpty()) {
            throw new InvalidRouteKeyException("path has an empty segment (\"//\")");
        }
        if (part.startsWith("{") && part.endsWith("}")) {
            boolean greedy = part.endsWith("+}");
            String name = part.substring(1, part.length() - (greedy ? 2 : 1));
            if (!PARAM_NAME.matcher(name).matches()) {
                throw new InvalidRouteKeyException("bad parameter name in \"" + part + "\"");
            }
            return new Segment(greedy ? Segment.Kind.GREEDY : Segment.Kind.PARAM, name);
        }
        if (!LITERAL.matcher(part).matches()) {
            throw new InvalidRouteKeyException("bad path segment \"" + part + "\"");
        }
        return new Segment(Segment.Kind.LITERAL, part);
    }
}
