package dev.portico.node.integration;

import dev.portico.node.pipeline.Exchange;
import dev.portico.node.routing.ParamSlot;
import dev.portico.node.routing.PercentEncoding;
import dev.portico.snapshot.ParameterMapping.Part;
import dev.portico.snapshot.ParameterMapping.Source;
import dev.portico.snapshot.Stage;

import java.util.List;
import java.util.Map;

/**
 * The value of one parameter mapping, compiled: literal text and references, each reference bound
 * to its reader (stage variables and unknown path parameters are settled already). A value whose
 * references all come out empty is <em>nothing</em> ({@code null}), even with literal text around
 * them: an overwrite then removes its target, so a client cannot fill it in itself.
 */
final class MappedValue {

    /** Where the value goes: a path value gets each reference encoded as one segment. */
    enum Use { HEADER, QUERYSTRING, PATH }

    private final ValueSource[] sources;
    private final boolean[] references;
    private final boolean anyReference;
    private final Use use;

    private MappedValue(ValueSource[] sources, boolean[] references, boolean anyReference, Use use) {
        this.sources = sources;
        this.references = references;
        this.anyReference = anyReference;
        this.use = use;
    }

    /** Throws {@link IllegalArgumentException} for a value that cannot go where it is meant to. */
    static MappedValue compile(List<Part> parts, Use use, Map<String, String> stageVariables, List<ParamSlot> slots) {
        ValueSource[] sources = new ValueSource[parts.size()];
        boolean[] references = new boolean[parts.size()];
        boolean anyReference = false;
        for (int i = 0; i < sources.length; i++) {
            Part part = parts.get(i);
            references[i] = part.source() != Source.TEXT;
            anyReference |= references[i];
            sources[i] = source(part, use, stageVariables, slots);
        }
        return new MappedValue(sources, references, anyReference, use);
    }

    private static ValueSource source(Part part, Use use, Map<String, String> stageVariables, List<ParamSlot> slots) {
        String name = part.name();
        return switch (part.source()) {
            case TEXT -> e -> name; // the contract keeps '?' and '#' out of a path (ParameterMapping.parse)
            case STAGE_VARIABLE -> constant(stageVariables.get(name), use);
            case PATH -> MappedValue::pathAfterStage; // raw, as the client sent it: already fit for a path
            case PATH_PARAMETER -> pathParameter(slotIndex(slots, name), use);
            case HEADER -> encoded(e -> e.request().getHeader(name), use);
            case QUERYSTRING -> encoded(e -> queryParameter(e, name), use);
            case CONTEXT -> encoded(ContextValues.source(name), use);
        };
    }

    private static ValueSource constant(String value, Use use) {
        String fixed = value != null && use == Use.PATH ? PercentEncoding.encodeSegment(value) : value;
        return e -> fixed;
    }

    private static ValueSource pathParameter(int slot, Use use) {
        if (slot < 0) {
            return e -> null;
        }
        return use == Use.PATH ? e -> e.pathParameters().encodedForPath(slot) : e -> e.pathParameters().value(slot);
    }

    private static ValueSource encoded(ValueSource raw, Use use) {
        if (use != Use.PATH) {
            return raw;
        }
        return e -> {
            String value = raw.read(e);
            return value == null ? null : PercentEncoding.encodeSegment(value);
        };
    }

    private static int slotIndex(List<ParamSlot> slots, String name) {
        for (int i = 0; i < slots.size(); i++) {
            if (slots.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** The first value of a query parameter; none when the query cannot be decoded. */
    private static String queryParameter(Exchange exchange, String name) {
        try {
            return exchange.request().getParam(name);
        } catch (IllegalArgumentException malformed) {
            return null;
        }
    }

    /**
     * The raw request path after the stage segment ("/" when nothing follows). The stage is found by
     * its decoded segment, so the raw segment is skipped by position, not by the stage's name.
     */
    static String pathAfterStage(Exchange exchange) {
        String path = exchange.request().path();
        if (exchange.stage() == null || exchange.stage().name().equals(Stage.DEFAULT)) {
            return path;
        }
        int next = path.indexOf('/', 1);
        return next < 0 ? "/" : path.substring(next);
    }

    /** The value for this request, or null for nothing. */
    String evaluate(Exchange exchange) {
        StringBuilder out = null;
        boolean found = !anyReference;
        for (int i = 0; i < sources.length; i++) {
            String part = sources[i].read(exchange);
            if (part != null && !part.isEmpty()) {
                found |= references[i];
                out = out == null ? new StringBuilder(64) : out;
                out.append(part);
            }
        }
        if (!found || out == null) {
            return null;
        }
        String value = out.toString();
        return use == Use.HEADER && !fitsAHeader(value) ? null : value;
    }

    /** A claim or header value with control characters (CR, LF, NUL…) must not split or end a header. */
    private static boolean fitsAHeader(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < 0x20 && c != '\t') || c == 0x7f) {
                return false;
            }
        }
        return true;
    }
}
