package dev.portico.snapshot;

import java.util.Locale;

/**
 * One entry of {@link RequestValidation#requiredParameters()} read into its parts, so both planes
 * split {@code querystring.page}, {@code header.X-Tenant} and {@code path.id} the same way.
 *
 * @param name as written after the first dot (a header name keeps its case; it is matched ignoring it)
 */
public record RequiredParameter(Location location, String name) {

    /** Where in the request the parameter is looked for. */
    public enum Location {
        QUERYSTRING, HEADER, PATH;

        /** The prefix used in {@code requiredParameters}: {@code querystring}, {@code header}, {@code path}. */
        public String prefix() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Throws {@link IllegalArgumentException} when {@code text} does not fit {@link RequestValidation#REQUIRED_PARAMETER}. */
    public static RequiredParameter parse(String text) {
        if (text == null || !RequestValidation.REQUIRED_PARAMETER.matcher(text).matches()) {
            throw new IllegalArgumentException("required parameter must be querystring.NAME, header.NAME or path.NAME, got "
                    + text);
        }
        int dot = text.indexOf('.');
        return new RequiredParameter(Location.valueOf(text.substring(0, dot).toUpperCase(Locale.ROOT)),
                text.substring(dot + 1));
    }

    /** The form it was written in, {@code header.X-Tenant}: what error answers name. */
    @Override
    public String toString() {
        return location.prefix() + "." + name;
    }
}
