package org.seatreconciler.streams.rejection;

import java.nio.ByteBuffer;

import org.seatreconciler.avro.RejectedEvent;

/** Builds the record published on the rejected topic: the original bytes, the verdict, the source. */
public final class RejectedEvents {

    private RejectedEvents() {
    }

    public static RejectedEvent of(Rejection rejection, byte[] payload, String sourceTopic, int sourcePartition,
                                   long sourceOffset) {
        return RejectedEvent.newBuilder()
                .setPayload(payload == null ? null : ByteBuffer.wrap(payload))
                .setReason(rejection.reason().name())
                .setDetail(rejection.detail())
                .setEventId(rejection.eventId())
                .setSourceTopic(sourceTopic)
                .setSourcePartition(sourcePartition)
                .setSourceOffset(sourceOffset)
                .build();
    }
}
