package org.seatreconciler.batch.input;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.utils.Utils;

/**
 * Which partition of the billing step bills an organisation: the partition Kafka's default partitioner gives
 * its id among {@code partitions} (the hash the membership events are partitioned by, keyed by orgId).
 * seats.org-daily is keyed {@code orgId|day}, so the days of one organisation lie in different partitions of
 * that topic: the step cannot split by the partition a record was read from, or it would bill an organisation
 * once per partition holding one of its days.
 */
public final class OrgPartition {

    private OrgPartition() {
    }

    public static int of(String orgId, int partitions) {
        return Utils.toPositive(Utils.murmur2(orgId.getBytes(StandardCharsets.UTF_8))) % partitions;
    }
}
