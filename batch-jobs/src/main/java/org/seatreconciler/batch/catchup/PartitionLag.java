package org.seatreconciler.batch.catchup;

/**
 * How far a consumer group is behind on one partition.
 *
 * @param committed the group's committed offset, or null when it has none (it would start at the earliest offset)
 * @param end       the offset to reach: the end offset (read_committed) when the wait started
 */
public record PartitionLag(int partition, Long committed, long earliest, long end) {

    public long lag() {
        return Math.max(0, end - (committed == null ? earliest : committed));
    }

    public String describe() {
        return "partition " + partition + " lags by " + lag() + " ("
                + (committed == null ? "no committed offset" : "committed " + committed) + ", end " + end + ")";
    }
}
