package org.motif.api;

import java.util.List;
import org.motif.base.MotifException;

/**
 * The list envelope of API.md: {@code {"items": [...], "next": cursor|null}}. The cursor is the
 * offset of the next page; callers fetch {@code limit + 1} rows to learn whether there is one.
 */
record Page<T>(List<T> items, String next) {
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    static <T> Page<T> of(List<T> fetchedLimitPlusOne, int offset, int limit) {
        boolean more = fetchedLimitPlusOne.size() > limit;
        return new Page<>(more ? fetchedLimitPlusOne.subList(0, limit) : fetchedLimitPlusOne, more ? String.valueOf(offset + limit) : null);
    }

    static int limit(int requested) {
        if (requested < 1 || requested > MAX_LIMIT) {
            throw new MotifException("limit must be between 1 and " + MAX_LIMIT + " (default " + DEFAULT_LIMIT + "); got " + requested + ".");
        }
        return requested;
    }

    static int offset(String cursor) {
        if (cursor == null || cursor.isBlank()) return 0;
        try {
            int offset = Integer.parseInt(cursor);
            if (offset >= 0) return offset;
        } catch (NumberFormatException ignored) {
            // fall through to the message below
        }
        throw new MotifException("cursor '" + cursor + "' is not valid; pass the 'next' value of the previous page.");
    }
}
