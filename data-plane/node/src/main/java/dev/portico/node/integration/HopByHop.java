package dev.portico.node.integration;

import io.vertx.core.MultiMap;

import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * Headers that describe one connection, not the message (RFC 9110 §7.6.1): a proxy must not pass
 * them on, in either direction. Besides the fixed list, any header the Connection header names.
 */
final class HopByHop {

    private static final Set<String> NAMES = caseInsensitive(
            "Connection", "Keep-Alive", "TE", "Trailer", "Transfer-Encoding", "Upgrade");

    private HopByHop() {
    }

    static boolean isHopByHop(String name) {
        return NAMES.contains(name) || name.regionMatches(true, 0, "Proxy-", 0, 6);
    }

    /**
     * The header names listed in the Connection header(s), compared case-insensitively, leaving out
     * those that are hop-by-hop anyway: the usual "keep-alive" then costs no set.
     */
    static Set<String> listedInConnection(MultiMap headers) {
        if (!headers.contains("Connection")) {
            return Set.of();
        }
        Set<String> listed = null;
        for (String value : headers.getAll("Connection")) {
            for (String token : value.split(",")) {
                if (!token.isBlank() && !isHopByHop(token.trim())) {
                    listed = listed == null ? new TreeSet<>(String.CASE_INSENSITIVE_ORDER) : listed;
                    listed.add(token.trim());
                }
            }
        }
        return listed == null ? Set.of() : listed;
    }

    /** Copies every end-to-end header of {@code from} into {@code to}, skipping also {@code skip}. */
    static void copyEndToEnd(MultiMap from, MultiMap to, Set<String> skip) {
        Set<String> listed = listedInConnection(from);
        for (var header : from) {
            String name = header.getKey();
            if (!isHopByHop(name) && !listed.contains(name) && !skip.contains(name)) {
                to.add(name, header.getValue());
            }
        }
    }

    static Set<String> caseInsensitive(String... names) {
        Set<String> set = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        Collections.addAll(set, names);
        return Collections.unmodifiableSet(set);
    }
}
