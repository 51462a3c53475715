package dev.portico.cp.api;

import dev.portico.cp.error.ProblemException;
import dev.portico.cp.paging.PageRequest;

/** The cursor of a collection keyed by a number (deployment versions, history entries). */
public final class NumericCursor {

    private NumericCursor() {
    }

    /** The key after which the page starts; {@code whenFirst} for the first page. */
    public static long after(PageRequest page, long whenFirst) {
        if (page.after() == null) {
            return whenFirst;
        }
        try {
            return Long.parseLong(page.after());
        } catch (NumberFormatException e) {
            throw ProblemException.invalid("cursor", "is not a cursor this API returned");
        }
    }
}
