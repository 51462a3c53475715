package dev.portico.node.authorize;

/** The token in an identity-source value: sent raw or as {@code Bearer <token>} (scheme in any case). */
final class BearerToken {

    private static final String SCHEME = "bearer";

    private BearerToken() {
    }

    /** The token, or null when the value is absent or holds none. */
    static String of(String value) {
        if (value == null) {
            return null;
        }
        String token = value.strip();
        if (token.length() > SCHEME.length() && token.regionMatches(true, 0, SCHEME, 0, SCHEME.length())
                && Character.isWhitespace(token.charAt(SCHEME.length()))) {
            token = token.substring(SCHEME.length()).strip();
        }
        return token.isEmpty() || token.equalsIgnoreCase(SCHEME) ? null : token;
    }
}
