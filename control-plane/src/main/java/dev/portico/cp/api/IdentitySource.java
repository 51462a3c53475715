package dev.portico.cp.api;

import java.util.regex.Pattern;

/**
 * Where an authorizer finds the caller's identity, as in API Gateway HTTP APIs:
 * {@code $request.header.Authorization}, {@code $request.querystring.token}, {@code $context.requestId}
 * or {@code $stageVariables.name}.
 */
public final class IdentitySource {

    private static final Pattern FORM = Pattern.compile(
            "\\$request\\.header\\.[!#$%&'*+.^_`|~0-9A-Za-z-]+"
                    + "|\\$request\\.querystring\\.[^\\s&=#]+"
                    + "|\\$context\\.[A-Za-z0-9_.]+"
                    + "|\\$stageVariables\\.[A-Za-z0-9_]+");

    private IdentitySource() {
    }

    /** Why {@code source} is not an identity source, or null when it is. */
    public static String problem(String source) {
        if (source == null || !FORM.matcher(source).matches()) {
            return "\"" + source + "\" is not an identity source; use $request.header.<name>, "
                    + "$request.querystring.<name>, $context.<name> or $stageVariables.<name>";
        }
        return null;
    }
}
