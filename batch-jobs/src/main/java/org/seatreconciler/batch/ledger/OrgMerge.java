package org.seatreconciler.batch.ledger;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.Function;

/** The rows of two iterators sorted by org_id, in org_id order (the two hold different organisations). */
final class OrgMerge<T> implements Iterator<T> {

    private final Iterator<T> a;
    private final Iterator<T> b;
    private final Function<T, String> orgOf;
    private T nextA;
    private T nextB;

    OrgMerge(Iterator<T> a, Iterator<T> b, Function<T, String> orgOf) {
        this.a = a;
        this.b = b;
        this.orgOf = orgOf;
        this.nextA = a.hasNext() ? a.next() : null;
        this.nextB = b.hasNext() ? b.next() : null;
    }

    @Override
    public boolean hasNext() {
        return nextA != null || nextB != null;
    }

    @Override
    public T next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        T row;
        if (nextB == null || nextA != null && orgOf.apply(nextA).compareTo(orgOf.apply(nextB)) <= 0) {
            row = nextA;
            nextA = a.hasNext() ? a.next() : null;
        } else {
            row = nextB;
            nextB = b.hasNext() ? b.next() : null;
        }
        return row;
    }
}
