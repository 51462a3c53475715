package dev.portico.cp.api;

import dev.portico.cp.error.ProblemException;
import jakarta.ws.rs.core.EntityTag;

/** ETags of single objects are their quoted revision; PATCH checks {@code If-Match} against it. */
public final class ETags {

    private ETags() {
    }

    public static EntityTag of(long revision) {
        return new EntityTag(Long.toString(revision));
    }

    /**
     * Passes when {@code ifMatch} is absent, {@code *}, or names the current revision (weak or strong);
     * otherwise 412 STALE_ETAG.
     */
    public static void requireMatch(String ifMatch, long current) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return;
        }
        String expected = Long.toString(current);
        for (String tag : ifMatch.split(",")) {
            String value = tag.trim();
            if (value.startsWith("W/")) {
                value = value.substring(2);
            }
            if (value.equals("*") || unquote(value).equals(expected)) {
                return;
            }
        }
        throw ProblemException.staleEtag("\"" + expected + "\"");
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1) : value;
    }
}
