package dev.portico.node.routing;

import dev.portico.snapshot.RouteKey;

import java.util.HashMap;
import java.util.Map;

/**
 * The routes of one stage as a segment trie. Matching walks the request's segments once, trying at
 * each level the literal child (a hash lookup), then the {param} child, then a greedy {proxy+}
 * ending here; it backtracks only when a deeper level has nothing for the request. The cost
 * depends on the depth of the path, never on the number of routes. At the end, a method-specific
 * route beats ANY (HEAD falls back to GET before ANY), and the stage's $default route catches the rest.
 *
 * @param <R> what a route compiles to; generic so the matcher is tested on its own
 */
public final class RouteTable<R> {

    private static final int METHODS = RouteMethod.values().length;

    private final Node root;
    private final R fallback;

    private RouteTable(Node root, R fallback) {
        this.root = root;
        this.fallback = fallback;
    }

    public static <R> Builder<R> builder() {
        return new Builder<>();
    }

    /** The best route for the segments of {@code path} from {@code from} on, or null. */
    public R match(RouteMethod method, RequestPath path, int from) {
        R found = find(root, method, path, from);
        return found != null ? found : fallback;
    }

    private R find(Node node, RouteMethod method, RequestPath path, int index) {
        if (index == path.size()) {
            return pick(node.exact, method);
        }
        String segment = path.segment(index);
        Node literal = node.literals.get(segment);
        if (literal != null) {
            R found = find(literal, method, path, index + 1);
            if (found != null) {
                return found;
            }
        }
        if (node.param != null && !segment.isEmpty()) {
            R found = find(node.param, method, path, index + 1);
            if (found != null) {
                return found;
            }
        }
        return pick(node.greedy, method);
    }

    @SuppressWarnings("unchecked")
    private R pick(Object[] byMethod, RouteMethod method) {
        if (byMethod == null) {
            return null;
        }
        Object route = byMethod[method.ordinal()];
        if (route == null && method == RouteMethod.HEAD) {
            route = byMethod[RouteMethod.GET.ordinal()];
        }
        if (route == null) {
            route = byMethod[RouteMethod.ANY.ordinal()];
        }
        return (R) route;
    }

    /** One trie level. Mutable only while the builder runs; published through a final field. */
    private static final class Node {
        final Map<String, Node> literals = new HashMap<>(4);
        Node param;
        Object[] exact;
        Object[] greedy;
    }

    /** Collects routes; {@link #add} throws {@link IllegalArgumentException} for a key already present. */
    public static final class Builder<R> {
        private final Node root = new Node();
        private R fallback;

        public Builder<R> add(RouteKey key, R route) throws MalformedPathException {
            if (key.isDefault()) {
                if (fallback != null) {
                    throw new IllegalArgumentException("$default route appears twice");
                }
                fallback = route;
                return this;
            }
            Node node = root;
            for (RouteKey.Segment segment : key.segments()) {
                switch (segment.kind()) {
                    case LITERAL -> node = node.literals.computeIfAbsent(PercentEncoding.decode(segment.value()), s -> new Node());
                    case PARAM -> node = node.param != null ? node.param : (node.param = new Node());
                    case GREEDY -> {
                        node.greedy = node.greedy != null ? node.greedy : new Object[METHODS];
                        put(node.greedy, key, route);
                        return this;
                    }
                }
            }
            node.exact = node.exact != null ? node.exact : new Object[METHODS];
            put(node.exact, key, route);
            return this;
        }

        private void put(Object[] byMethod, RouteKey key, R route) {
            int index = RouteMethod.ofKey(key.method()).ordinal();
            if (byMethod[index] != null) {
                throw new IllegalArgumentException("route key " + key + " is indistinguishable from another");
            }
            byMethod[index] = route;
        }

        public RouteTable<R> build() {
            return new RouteTable<>(root, fallback);
        }
    }
}
