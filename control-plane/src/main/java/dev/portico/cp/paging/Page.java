package dev.portico.cp.paging;

import java.util.List;
import java.util.function.Function;

/** One page of a collection: {@code {items, nextCursor}}; nextCursor is null on the last page. */
public record Page<T>(List<T> items, String nextCursor) {

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), nextCursor);
    }

    /**
     * Cuts a page from rows fetched with {@code limit + 1} in key order: the extra row only tells
     * that there is a next page, whose cursor is the last returned row's key.
     */
    public static <T> Page<T> of(List<T> rowsPlusOne, PageRequest request, Function<T, String> key) {
        if (rowsPlusOne.size() <= request.limit()) {
            return new Page<>(List.copyOf(rowsPlusOne), null);
        }
        List<T> items = List.copyOf(rowsPlusOne.subList(0, request.limit()));
        return new Page<>(items, PageRequest.encode(key.apply(items.get(items.size() - 1))));
    }
}
