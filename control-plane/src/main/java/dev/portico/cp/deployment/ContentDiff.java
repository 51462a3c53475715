package dev.portico.cp.deployment;

import dev.portico.snapshot.SnapshotCodec;
import dev.portico.snapshot.DeploymentContent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portico.snapshot.Authorizer;
import dev.portico.snapshot.Integration;
import dev.portico.snapshot.Model;
import dev.portico.snapshot.Route;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * What changed from one deployment content to another, object by object (matched by id) and field
 * by field, in the contract's JSON form. Routes come first in route-key order, then integrations in
 * id order, then authorizers in name order, then models in name order, then gateway responses in
 * type order. Pure.
 */
public final class ContentDiff {

    private ContentDiff() {
    }

    public static List<Change> between(DeploymentContent base, DeploymentContent target) {
        List<Change> changes = new ArrayList<>();
        changes.addAll(compare("route", base.routes(), target.routes(), Route::id, Route::routeKey));
        changes.addAll(compare("integration", base.integrations(), target.integrations(), Integration::id,
                Integration::id));
        changes.addAll(compare("authorizer", base.authorizers(), target.authorizers(), Authorizer::id,
                Authorizer::name));
        changes.addAll(compare("model", base.models(), target.models(), Model::id, Model::name));
        changes.addAll(compare("gatewayResponse", GatewayResponseRow.of(base), GatewayResponseRow.of(target),
                GatewayResponseRow::id, GatewayResponseRow::id));
        return changes;
    }

    private static <T> List<Change> compare(String kind, List<T> base, List<T> target, Function<T, String> id,
                                            Function<T, String> key) {
        Map<String, T> before = byId(base, id);
        Map<String, T> after = byId(target, id);
        List<Change> changes = new ArrayList<>();
        for (T now : target) {
            T then = before.get(id.apply(now));
            List<Change.Field> fields = fields(then, now);
            if (then == null) {
                changes.add(new Change(kind, id.apply(now), key.apply(now), Change.Kind.ADDED, fields));
            } else if (!fields.isEmpty()) {
                changes.add(new Change(kind, id.apply(now), key.apply(now), Change.Kind.CHANGED, fields));
            }
        }
        for (T then : base) {
            if (!after.containsKey(id.apply(then))) {
                changes.add(new Change(kind, id.apply(then), key.apply(then), Change.Kind.REMOVED, fields(then, null)));
            }
        }
        changes.sort((a, b) -> a.key().compareTo(b.key()));
        return changes;
    }

    private static List<Change.Field> fields(Object then, Object now) {
        Map<String, JsonNode> from = flatten(then);
        Map<String, JsonNode> to = flatten(now);
        List<Change.Field> fields = new ArrayList<>();
        for (String name : union(from, to)) {
            JsonNode a = from.getOrDefault(name, NullNode.getInstance());
            JsonNode b = to.getOrDefault(name, NullNode.getInstance());
            if (!a.equals(b)) {
                fields.add(new Change.Field(name, a, b));
            }
        }
        return fields;
    }

    private static TreeSet<String> union(Map<String, JsonNode> a, Map<String, JsonNode> b) {
        TreeSet<String> names = new TreeSet<>(a.keySet());
        names.addAll(b.keySet());
        return names;
    }

    /** Leaf fields by dotted name, without the id (which is what objects are matched by). */
    private static Map<String, JsonNode> flatten(Object value) {
        Map<String, JsonNode> leaves = new LinkedHashMap<>();
        if (value != null) {
            JsonNode tree = SnapshotCodec.tree(value);
            ((ObjectNode) tree).remove("id");
            flatten("", tree, leaves);
        }
        return leaves;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, JsonNode> leaves) {
        if (!node.isObject()) {
            leaves.put(prefix, node);
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            flatten(prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey(), field.getValue(), leaves);
        }
    }

    private static <T> Map<String, T> byId(List<T> items, Function<T, String> id) {
        Map<String, T> map = new LinkedHashMap<>();
        items.forEach(item -> map.put(id.apply(item), item));
        return map;
    }
}
