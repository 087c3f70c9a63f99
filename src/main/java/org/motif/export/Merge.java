package org.motif.export;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.jooq.Cursor;
import org.jooq.Record;

/**
 * A database cursor sorted by participant key, read alongside the participant cursor (a merge join):
 * {@link #take} returns the rows of one participant and keeps at most one row read ahead.
 */
final class Merge<T> implements AutoCloseable {
    private final Cursor<Record> cursor;
    private final Iterator<Record> rows;
    private final ToLongFunction<Record> key;
    private final Function<Record, T> map;
    private Record next;

    Merge(Cursor<Record> cursor, ToLongFunction<Record> key, Function<Record, T> map) {
        this.cursor = cursor;
        this.rows = cursor == null ? java.util.Collections.emptyIterator() : cursor.iterator();
        this.key = key;
        this.map = map;
        this.next = rows.hasNext() ? rows.next() : null;
    }

    @SuppressWarnings("unchecked")
    Merge(Cursor<? extends Record> cursor, ToLongFunction<Record> key) {
        this((Cursor<Record>) cursor, key, r -> (T) r);
    }

    static <T> Merge<T> empty() {
        return new Merge<>(null, r -> 0, r -> null);
    }

    /** The rows with key {@code pk}, skipping rows of smaller keys (participants not exported). */
    List<T> take(long pk) {
        List<T> out = new ArrayList<>();
        while (next != null && key.applyAsLong(next) < pk) next = rows.hasNext() ? rows.next() : null;
        while (next != null && key.applyAsLong(next) == pk) {
            out.add(map.apply(next));
            next = rows.hasNext() ? rows.next() : null;
        }
        return out;
    }

    @Override
    public void close() {
        if (cursor != null) cursor.close();
    }
}
