package dev.portico.node.routing;

import dev.portico.snapshot.RouteKey;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a route key's parameter sits: {@code GET /pets/{id}} has "id" at position 1. Resolved when
 * the snapshot is compiled, so a request reads parameters by position, never by searching.
 *
 * @param greedy a {proxy+} parameter: takes this segment and every one after it
 */
public record ParamSlot(String name, int position, boolean greedy) {

    public static List<ParamSlot> of(RouteKey key) {
        List<ParamSlot> slots = new ArrayList<>(2);
        List<RouteKey.Segment> segments = key.segments();
        for (int i = 0; i < segments.size(); i++) {
            RouteKey.Segment segment = segments.get(i);
            if (segment.kind() != RouteKey.Segment.Kind.LITERAL) {
                slots.add(new ParamSlot(segment.value(), i, segment.kind() == RouteKey.Segment.Kind.GREEDY));
            }
        }
        return List.copyOf(slots);
    }
}
