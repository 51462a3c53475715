package dev.portico.cp.paging;

import dev.portico.cp.error.FieldError;
import dev.portico.cp.error.ProblemException;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * {@code ?limit=&cursor=} of a collection GET. Paging is by key (rows after {@link #after} in key
 * order), so pages stay stable while rows are added. The cursor is opaque to clients.
 *
 * @param after the key after which the page starts, or null for the first page
 */
public record PageRequest(int limit, String after) {

    public static final int DEFAULT_LIMIT = 25;
    public static final int MAX_LIMIT = 100;

    /** Reads the query parameters; a bad limit or cursor is a 400 naming it. */
    public static PageRequest of(Integer limit, String cursor) {
        List<FieldError> errors = new ArrayList<>();
        int size = limit == null ? DEFAULT_LIMIT : limit;
        if (size < 1 || size > MAX_LIMIT) {
            errors.add(new FieldError("limit", "must be between 1 and " + MAX_LIMIT));
        }
        String after = null;
        if (cursor != null && !cursor.isEmpty()) {
            try {
                after = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("cursor", "is not a cursor this API returned"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return new PageRequest(size, after);
    }

    /** Like {@link #of(Integer, String)} for a limit still in text, so a limit that is no number is a 400 too. */
    public static PageRequest parse(String limit, String cursor) {
        Integer size = null;
        if (limit != null && !limit.isBlank()) {
            try {
                size = Integer.valueOf(limit.trim());
            } catch (NumberFormatException e) {
                throw ProblemException.invalid("limit", "must be a whole number between 1 and " + MAX_LIMIT);
            }
        }
        return of(size, cursor);
    }

    /** The key after which the page starts: empty for the first page, as every key sorts after it. */
    public String afterKey() {
        return after == null ? "" : after;
    }

    static String encode(String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
    }
}
