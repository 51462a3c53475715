package dev.portico.node.cors;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The browser origins an API's CORS admits, compiled from {@code allowOrigins}: {@code *} (any),
 * exact origins (scheme, host and port, compared case-insensitively; a default port is the same as
 * none) and scheme wildcards {@code https://*.example.com}, which admit any subdomain at any depth
 * with the same scheme and port, never the bare domain.
 */
final class AllowedOrigins {

    private static final String WILDCARD = "://*.";

    private final boolean any;
    private final Set<String> exact;
    /** Per wildcard, what an admitted origin starts with ("https://") and ends with (".example.com"). */
    private final String[] prefixes;
    private final String[] suffixes;

    private AllowedOrigins(boolean any, Set<String> exact, String[] prefixes, String[] suffixes) {
        this.any = any;
        this.exact = exact;
        this.prefixes = prefixes;
        this.suffixes = suffixes;
    }

    static AllowedOrigins of(List<String> configured) {
        boolean any = false;
        Set<String> exact = new HashSet<>();
        List<String> prefixes = new ArrayList<>();
        List<String> suffixes = new ArrayList<>();
        for (String origin : configured) {
            String normal = normalize(origin);
            int wildcard = normal.indexOf(WILDCARD);
            if ("*".equals(normal)) {
                any = true;
            } else if (wildcard > 0) {
                prefixes.add(normal.substring(0, wildcard + 3));
                suffixes.add(normal.substring(wildcard + 4));
            } else {
                exact.add(normal);
            }
        }
        return new AllowedOrigins(any, Set.copyOf(exact), prefixes.toArray(new String[0]), suffixes.toArray(new String[0]));
    }

    /** Lower case, no trailing slash, no default port: the form browsers send in {@code Origin}. */
    private static String normalize(String origin) {
        String normal = origin.trim().toLowerCase(Locale.ROOT);
        if (normal.endsWith("/")) {
            normal = normal.substring(0, normal.length() - 1);
        }
        if (normal.startsWith("http://") && normal.endsWith(":80")) {
            return normal.substring(0, normal.length() - 3);
        }
        if (normal.startsWith("https://") && normal.endsWith(":443")) {
            return normal.substring(0, normal.length() - 4);
        }
        return normal;
    }

    /** {@code *} is configured. */
    boolean any() {
        return any;
    }

    boolean allows(String origin) {
        if (origin == null) {
            return false;
        }
        if (any) {
            return true;
        }
        String lower = origin.toLowerCase(Locale.ROOT);
        if (exact.contains(lower)) {
            return true;
        }
        for (int i = 0; i < prefixes.length; i++) {
            if (matchesWildcard(lower, prefixes[i], suffixes[i])) {
                return true;
            }
        }
        return false;
    }

    /** The part the star stands for must be one or more whole host labels, nothing else (no port, path or user). */
    private static boolean matchesWildcard(String origin, String prefix, String suffix) {
        int start = prefix.length();
        int stop = origin.length() - suffix.length();
        if (stop <= start || !origin.startsWith(prefix) || !origin.endsWith(suffix)) {
            return false;
        }
        char previous = '.';
        for (int i = start; i < stop; i++) {
            char c = origin.charAt(i);
            boolean label = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
            if (!label && !(c == '.' && previous != '.')) {
                return false;
            }
            previous = c;
        }
        return previous != '.';
    }
}
