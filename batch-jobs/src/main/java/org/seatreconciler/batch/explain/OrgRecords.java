package org.seatreconciler.batch.explain;

import java.util.List;
import java.util.Map;

import org.seatreconciler.avro.MembershipEvent;

/**
 * One organisation's records on hr.membership-events as the topic holds them now: its partition (the input is
 * keyed by orgId), read from the earliest offset retention has left to the end, and the rejections the streams
 * app published for them on hr.membership-events.rejected.
 *
 * @param logStart        the partition's earliest offset still held; above 0, retention has removed older records
 * @param end             the partition's end offset (read_committed) when it was read
 * @param records         the organisation's records, in offset order
 * @param rejected        the streams app's rejections of those records, by offset
 * @param rejectionsNote  why the rejections could not be read (the topic is missing), or null
 */
public record OrgRecords(String topic, int partition, long logStart, long end, List<OrgRecord> records,
        Map<Long, Rejection> rejected, String rejectionsNote) {

    public OrgRecords {
        records = List.copyOf(records);
        rejected = Map.copyOf(rejected);
    }

    /** One record of the organisation; {@code event} is null when the value does not decode. */
    public record OrgRecord(long offset, MembershipEvent event) {
    }

    /** The streams app's verdict on a record it did not apply. */
    public record Rejection(String reason, String detail) {
    }
}
