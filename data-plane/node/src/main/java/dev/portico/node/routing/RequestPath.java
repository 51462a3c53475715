package dev.portico.node.routing;

import java.util.ArrayList;
import java.util.List;

/**
 * A request path split into percent-decoded segments. The raw path is split on "/" BEFORE decoding,
 * so an encoded slash ("%2F") stays inside its segment. A single trailing slash is not a segment;
 * it is remembered so a greedy parameter can hand it on. Empty segments ("//") are kept.
 * Dot segments ("." / ".." also when encoded) are refused: re-encoded into a backend URI they
 * would walk out of the path the route allowed.
 */
public final class RequestPath {

    private static final String[] NONE = new String[0];

    private final String[] segments;
    private final boolean trailingSlash;

    private RequestPath(String[] segments, boolean trailingSlash) {
        this.segments = segments;
        this.trailingSlash = trailingSlash;
    }

    public static RequestPath parse(String rawPath) throws MalformedPathException {
        if (rawPath == null || rawPath.isEmpty() || "/".equals(rawPath)) {
            return new RequestPath(NONE, false);
        }
        if (rawPath.charAt(0) != '/') {
            throw new MalformedPathException("path does not start with \"/\"");
        }
        boolean trailingSlash = rawPath.length() > 1 && rawPath.charAt(rawPath.length() - 1) == '/';
        int end = trailingSlash ? rawPath.length() - 1 : rawPath.length();
        List<String> parts = new ArrayList<>(8);
        int start = 1;
        while (start <= end) {
            int slash = rawPath.indexOf('/', start);
            int stop = slash < 0 || slash > end ? end : slash;
            parts.add(decodeSegment(rawPath.substring(start, stop)));
            start = stop + 1;
        }
        return new RequestPath(parts.toArray(NONE), trailingSlash);
    }

    private static String decodeSegment(String raw) throws MalformedPathException {
        String decoded = PercentEncoding.decode(raw);
        if (".".equals(decoded) || "..".equals(decoded)) {
            throw new MalformedPathException("dot segment in path");
        }
        return decoded;
    }

    public int size() {
        return segments.length;
    }

    /** The decoded segment at {@code index}. */
    public String segment(int index) {
        return segments[index];
    }

    public boolean trailingSlash() {
        return trailingSlash;
    }
}
