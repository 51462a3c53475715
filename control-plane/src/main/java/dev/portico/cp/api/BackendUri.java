package dev.portico.cp.api;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The rule for an HTTP_PROXY integration's {@code uri}: an absolute http(s) URL once its
 * placeholders — route path parameters {@code {id}} and stage variables
 * {@code ${stageVariables.name}} — are filled in.
 */
public final class BackendUri {

    public static final int MAX_LENGTH = 2048;

    private static final Pattern STAGE_VARIABLE = Pattern.compile("\\$\\{stageVariables\\.[A-Za-z0-9_]+}");
    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{[A-Za-z0-9_.-]+\\+?}");

    private BackendUri() {
    }

    /** Why {@code uri} is not acceptable, or null when it is. */
    public static String problem(String uri) {
        if (uri.length() > MAX_LENGTH) {
            return "must be at most " + MAX_LENGTH + " characters";
        }
        // placeholders stand for a value that is only known per request or per stage
        String withoutVariables = STAGE_VARIABLE.matcher(uri).replaceAll("stagevariable");
        if (withoutVariables.contains("${")) {
            return "has an unknown ${…} placeholder; stage variables are written ${stageVariables.name}";
        }
        String filled = PATH_PARAMETER.matcher(withoutVariables).replaceAll("parameter");
        try {
            URI parsed = new URI(filled);
            String scheme = parsed.getScheme() == null ? "" : parsed.getScheme().toLowerCase(Locale.ROOT);
            if (!parsed.isAbsolute() || !(scheme.equals("http") || scheme.equals("https"))
                    || parsed.getRawAuthority() == null || parsed.getRawAuthority().isEmpty()) {
                return "must be an absolute http:// or https:// URL, e.g. http://backend.internal:8080/pets/{id}";
            }
            if (parsed.getRawFragment() != null) {
                return "must not have a fragment (#…)";
            }
            return null;
        } catch (URISyntaxException e) {
            return "is not a valid URL: " + e.getReason()
                    + " (placeholders must be {name} or ${stageVariables.name})";
        }
    }
}
