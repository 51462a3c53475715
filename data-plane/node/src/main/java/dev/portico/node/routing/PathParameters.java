package dev.portico.node.routing;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The path parameters of one request: the matched route's {@link ParamSlot}s read over the request's
 * segments (from the segment after the stage, if any). Values are decoded; a greedy value joins its
 * segments with "/" and keeps the request's trailing slash.
 */
public final class PathParameters {

    public static final PathParameters NONE = new PathParameters(List.of(), null, 0);

    private final List<ParamSlot> slots;
    private final RequestPath path;
    private final int offset;

    public PathParameters(List<ParamSlot> slots, RequestPath path, int offset) {
        this.slots = slots;
        this.path = path;
        this.offset = offset;
    }

    /** The decoded value of the parameter at {@code index} (an index into the route's slots). */
    public String value(int index) {
        return join(slots.get(index), UnaryOperator.identity());
    }

    /**
     * The value ready to go into a URI path: each segment percent-encoded on its own, so an encoded
     * slash the client sent stays encoded and a greedy value keeps its segment boundaries.
     */
    public String encodedForPath(int index) {
        return join(slots.get(index), PercentEncoding::encodeSegment);
    }

    /** The value ready to go into a query string. */
    public String encodedForQuery(int index) {
        return PercentEncoding.encodeQueryComponent(value(index));
    }

    private String join(ParamSlot slot, UnaryOperator<String> each) {
        int first = offset + slot.position();
        if (!slot.greedy()) {
            return each.apply(path.segment(first));
        }
        StringBuilder out = new StringBuilder();
        for (int i = first; i < path.size(); i++) {
            out.append(i > first ? "/" : "").append(each.apply(path.segment(i)));
        }
        return path.trailingSlash() ? out.append('/').toString() : out.toString();
    }
}
