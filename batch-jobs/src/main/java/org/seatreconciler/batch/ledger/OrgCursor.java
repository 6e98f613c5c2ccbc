package org.seatreconciler.batch.ledger;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Rows of one query sorted by org_id, read forward once, for merging several queries organisation by
 * organisation without holding any of them in memory: asked for organisations in ascending order, it passes
 * over the rows of organisations nobody asks for and gives each asked one its rows.
 *
 * <p>Merging needs the database to sort org_id exactly as Java's {@link String#compareTo} does (the "C"
 * collation); a row that comes out of that order fails the read rather than letting a merge pair the wrong
 * rows.
 */
public final class OrgCursor<T> implements AutoCloseable {

    private final String what;
    private final Stream<T> stream;
    private final Iterator<T> rows;
    private final Function<T, String> orgOf;
    private T next;
    private String lastOrg;

    /** @param what names the rows in an error, e.g. "seat_snapshot of 2026-10-02" */
    OrgCursor(String what, Stream<T> stream, Function<T, String> orgOf) {
        this.what = what;
        this.stream = stream;
        this.rows = stream.iterator();
        this.orgOf = orgOf;
        advance();
    }

    /** A cursor over rows already sorted by org_id (figures held in memory, a test). */
    public static <T> OrgCursor<T> of(String what, List<T> rows, Function<T, String> orgOf) {
        return new OrgCursor<>(what, rows.stream(), orgOf);
    }

    /** The organisation of the next row, or null when all rows are read. */
    public String peekOrg() {
        return next == null ? null : orgOf.apply(next);
    }

    /** The rows of {@code orgId}, passing over those of the organisations before it; empty when it has none. */
    public List<T> take(String orgId) {
        List<T> taken = new ArrayList<>(1);
        skipBefore(orgId);
        while (next != null && orgOf.apply(next).equals(orgId)) {
            taken.add(next);
            advance();
        }
        return taken;
    }

    /** The one row of {@code orgId} (the query's key includes org_id), or null. */
    public T takeOne(String orgId) {
        skipBefore(orgId);
        if (next == null || !orgOf.apply(next).equals(orgId)) {
            return null;
        }
        T row = next;
        advance();
        return row;
    }

    private void skipBefore(String orgId) {
        while (next != null && orgOf.apply(next).compareTo(orgId) < 0) {
            advance();
        }
    }

    private void advance() {
        next = rows.hasNext() ? rows.next() : null;
        if (next != null) {
            String org = orgOf.apply(next);
            if (lastOrg != null && org.compareTo(lastOrg) < 0) {
                throw new IllegalStateException("The rows of " + what + " came out of org_id order (" + org
                        + " after " + lastOrg + "): the database does not sort org_id as Java does");
            }
            lastOrg = org;
        }
    }

    @Override
    public void close() {
        stream.close();
    }
}
