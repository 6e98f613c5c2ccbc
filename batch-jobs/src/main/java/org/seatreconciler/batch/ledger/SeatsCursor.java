package org.seatreconciler.batch.ledger;

import java.util.List;

/**
 * Seats invoiced per organisation over a range of dates, read date by date in org_id order (each date's rows
 * come sorted from the primary key, with no sort of the range) and summed as organisations are asked for, in
 * ascending order.
 */
public final class SeatsCursor implements AutoCloseable {

    private final List<OrgCursor<SeatsRow>> dates;

    SeatsCursor(List<OrgCursor<SeatsRow>> dates) {
        this.dates = List.copyOf(dates);
    }

    /** Seats invoiced to {@code orgId} on the range's dates; 0 when none. */
    public int take(String orgId) {
        int seats = 0;
        for (OrgCursor<SeatsRow> date : dates) {
            for (SeatsRow row : date.take(orgId)) {
                seats += row.seats();
            }
        }
        return seats;
    }

    @Override
    public void close() {
        dates.forEach(OrgCursor::close);
    }

    /** One invoice line's organisation and seats. */
    record SeatsRow(String orgId, int seats) {
    }
}
