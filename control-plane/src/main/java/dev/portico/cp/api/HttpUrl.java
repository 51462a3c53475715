package dev.portico.cp.api;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** The rule for the URLs of authorizers (issuer, JWKS, custom endpoint): absolute http(s), no fragment. */
public final class HttpUrl {

    private HttpUrl() {
    }

    /** Why {@code url} is not acceptable, or null when it is. */
    public static String problem(String url) {
        if (url.length() > BackendUri.MAX_LENGTH) {
            return "must be at most " + BackendUri.MAX_LENGTH + " characters";
        }
        try {
            URI parsed = new URI(url);
            String scheme = parsed.getScheme() == null ? "" : parsed.getScheme().toLowerCase(Locale.ROOT);
            if (!parsed.isAbsolute() || !(scheme.equals("http") || scheme.equals("https"))
                    || parsed.getHost() == null) {
                return "must be an absolute http:// or https:// URL, e.g. https://idp.example.com/realms/shop";
            }
            if (parsed.getRawFragment() != null) {
                return "must not have a fragment (#…)";
            }
            return null;
        } catch (URISyntaxException e) {
            return "is not a valid URL: " + e.getReason();
        }
    }
}
