package dev.portico.snapshot;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.regex.Pattern;

/**
 * What a route checks before its integration is called.
 *
 * @param bodyModel          the name of a model of the deployment the JSON body must satisfy; null: the body is not checked
 * @param requiredParameters parameters that must be present and non-empty: {@code querystring.page},
 *                           {@code header.X-Tenant}, {@code path.id}
 */
public record RequestValidation(String bodyModel,
                                @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> requiredParameters) {

    /** {@code querystring.NAME}, {@code header.NAME} (an HTTP token) or {@code path.NAME}. */
    public static final Pattern REQUIRED_PARAMETER =
            Pattern.compile("(querystring|path)\\.[^\\s]+|header\\.[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    public RequestValidation {
        requiredParameters = requiredParameters == null ? List.of() : List.copyOf(requiredParameters);
    }
}
