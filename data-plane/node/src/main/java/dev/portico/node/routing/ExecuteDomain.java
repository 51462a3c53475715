package dev.portico.node.routing;

import java.util.Locale;

/**
 * Reads the API id out of a Host of the form {@code {apiId}.{executeDomain}[:port]}. Host names
 * compare case-insensitively (DNS does); the id is the single label in front of the domain.
 */
public final class ExecuteDomain {

    private final String suffix;

    public ExecuteDomain(String domain) {
        String normalized = domain.toLowerCase(Locale.ROOT);
        this.suffix = "." + (normalized.endsWith(".") ? normalized.substring(0, normalized.length() - 1) : normalized);
    }

    /** The API id the host names, lower-cased, or null when the host is not under this domain. */
    public String apiId(String host) {
        if (host == null || host.isEmpty() || host.charAt(0) == '[') {
            return null;
        }
        int end = host.length();
        int colon = host.lastIndexOf(':');
        if (colon >= 0) {
            end = colon;
        }
        if (end > 0 && host.charAt(end - 1) == '.') {
            end--;
        }
        int labelEnd = end - suffix.length();
        if (labelEnd <= 0 || !host.regionMatches(true, labelEnd, suffix, 0, suffix.length())) {
            return null;
        }
        String label = host.substring(0, labelEnd);
        return label.indexOf('.') >= 0 ? null : label.toLowerCase(Locale.ROOT);
    }
}
