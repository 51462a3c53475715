package dev.portico.node.authorize;

import java.time.Duration;
import java.util.Locale;

/** How long an issuer lets its keys be cached: {@code Cache-Control: max-age}, bounded, else a default. */
final class CacheControl {

    static final Duration DEFAULT = Duration.ofMinutes(5);
    static final Duration MIN = Duration.ofSeconds(1);
    static final Duration MAX = Duration.ofDays(1);

    private CacheControl() {
    }

    static Duration maxAge(String header) {
        if (header == null) {
            return DEFAULT;
        }
        for (String directive : header.toLowerCase(Locale.ROOT).split(",")) {
            String d = directive.strip();
            if (d.equals("no-store") || d.equals("no-cache")) {
                return MIN;
            }
            if (d.startsWith("max-age=")) {
                try {
                    long seconds = Long.parseLong(d.substring("max-age=".length()).replace("\"", "").strip());
                    return clamp(Duration.ofSeconds(Math.max(0, seconds)));
                } catch (NumberFormatException e) {
                    return DEFAULT;
                }
            }
        }
        return DEFAULT;
    }

    private static Duration clamp(Duration d) {
        return d.compareTo(MIN) < 0 ? MIN : d.compareTo(MAX) > 0 ? MAX : d;
    }
}
