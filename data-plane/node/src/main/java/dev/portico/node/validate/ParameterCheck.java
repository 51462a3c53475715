package dev.portico.node.validate;

import dev.portico.node.routing.ParamSlot;
import dev.portico.snapshot.RequiredParameter;

import java.util.List;

/**
 * One required parameter resolved for its route: where to look is decided when the snapshot is
 * compiled (a path parameter becomes the position of its slot), so a request only reads a value.
 * A parameter counts as present when it has at least one non-empty value.
 */
sealed interface ParameterCheck {

    /** What the error answer names: the parameter as the route wrote it, {@code querystring.page}. */
    String label();

    boolean presentIn(RequestParameters request);

    /** Throws {@link IllegalArgumentException} for a path parameter the route key does not have. */
    static ParameterCheck compile(RequiredParameter parameter, List<ParamSlot> slots) {
        String label = parameter.toString();
        return switch (parameter.location()) {
            case QUERYSTRING -> new Query(label, parameter.name());
            case HEADER -> new Header(label, parameter.name());
            case PATH -> new Path(label, slotIndex(parameter.name(), slots));
        };
    }

    private static int slotIndex(String name, List<ParamSlot> slots) {
        for (int i = 0; i < slots.size(); i++) {
            if (slots.get(i).name().equals(name)) {
                return i;
            }
        }
        // It could never be present: every request would be refused, which is surely not what was meant.
        throw new IllegalArgumentException("required parameter path." + name + " is not a parameter of the route key");
    }

    private static boolean anyNonEmpty(List<String> values) {
        for (String value : values) {
            if (!value.isEmpty()) {
                return true;
            }
        }
        return false;
    }

    record Query(String label, String name) implements ParameterCheck {
        @Override
        public boolean presentIn(RequestParameters request) {
            return anyNonEmpty(request.query(name));
        }
    }

    record Header(String label, String name) implements ParameterCheck {
        @Override
        public boolean presentIn(RequestParameters request) {
            return anyNonEmpty(request.header(name));
        }
    }

    record Path(String label, int index) implements ParameterCheck {
        @Override
        public boolean presentIn(RequestParameters request) {
            String value = request.path(index);
            return value != null && !value.isEmpty();
        }
    }
}
