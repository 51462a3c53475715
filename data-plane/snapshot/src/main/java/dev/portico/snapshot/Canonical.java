package dev.portico.snapshot;

import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/** The one order of every list in a snapshot, so equal content serializes (and hashes) equally. */
final class Canonical {

    private Canonical() {
    }

    static <T> List<T> sorted(List<T> items, Function<T, String> key) {
        if (items == null) {
            return List.of();
        }
        return items.stream()
                .sorted(Comparator.comparing(key, Comparator.nullsFirst(Comparator.naturalOrder())))
                .toList();
    }
}
