package dev.portico.node.authorize;

import dev.portico.node.integration.ContextValues;
import dev.portico.node.integration.ValueSource;
import dev.portico.node.pipeline.Exchange;
import dev.portico.snapshot.ParameterMapping;
import dev.portico.snapshot.ParameterMapping.Part;

import java.util.List;
import java.util.Map;

/**
 * Where an authorizer finds the caller's identity: {@code $request.header.X},
 * {@code $request.querystring.x}, {@code $context.name} or {@code $stageVariables.name} (the grammar is
 * the contract's, {@link ParameterMapping#identitySource}). Resolved to its reader once, when the
 * snapshot is compiled. Repeated headers or query parameters give their values comma-joined.
 */
public final class IdentitySource {

    private final ValueSource reader;

    private IdentitySource(ValueSource reader) {
        this.reader = reader;
    }

    /** Throws {@link IllegalArgumentException} saying what is wrong; stage variables are read now. */
    public static IdentitySource parse(String expression, Map<String, String> stageVariables) {
        Part part = ParameterMapping.identitySource(expression);
        String name = part.name();
        return new IdentitySource(switch (part.source()) {
            case HEADER -> e -> joined(e.request().headers().getAll(name));
            case QUERYSTRING -> e -> joined(e.request().params().getAll(name));
            case STAGE_VARIABLE -> {
                String value = stageVariables.get(name);
                yield e -> value;
            }
            case CONTEXT -> ContextValues.source(name);
            default -> throw new IllegalArgumentException(expression + " is not an identity source");
        });
    }

    /** The value in this request, or null when absent. */
    public String valueIn(Exchange exchange) {
        return reader.read(exchange);
    }

    private static String joined(List<String> values) {
        return values.isEmpty() ? null : String.join(",", values);
    }
}
