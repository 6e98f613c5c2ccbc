package org.seatreconciler.local.importing;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.seatreconciler.avro.OrgPlan;
import org.seatreconciler.local.ReconcilerException;
import org.seatreconciler.local.plans.PlanAssignment;

/** Publishes plan assignments to the org plans topic (key orgId), as the subscription system would. */
public final class PlanPublisher {

    private PlanPublisher() {
    }

    public static void publish(Producer<String, OrgPlan> producer, String topic, List<PlanAssignment> plans) {
        List<Future<RecordMetadata>> sends = plans.stream()
                .map(p -> producer.send(new ProducerRecord<>(topic, p.orgId(), new OrgPlan(p.orgId(), p.plan()))))
                .toList();
        producer.flush();
        for (Future<RecordMetadata> send : sends) {
            try {
                send.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ReconcilerException("interrupted while publishing plans", e);
            } catch (ExecutionException e) {
                throw new ReconcilerException("publishing to " + topic + " failed: " + e.getCause().getMessage(), e.getCause());
            }
        }
    }
}
