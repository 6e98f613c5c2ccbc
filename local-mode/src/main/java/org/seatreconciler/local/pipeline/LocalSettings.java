package org.seatreconciler.local.pipeline;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

import org.seatreconciler.batch.billing.SeatBasis;
import org.seatreconciler.schemas.settings.SeatsSettings;

/**
 * Everything the two apps need to join a local run. {@link #springProperties()} gives them under the
 * shared configuration names; {@link SpringApps} adds each app's own and starts it with them.
 *
 * @param bootstrapServers the local broker
 * @param schemaRegistryUrl a {@code mock://} scope private to this run: every serializer and
 *        deserializer in this JVM resolves the same schema ids through it
 * @param workDir a temporary folder for this run (Streams state, the job database), removed at the end
 * @param outDir where the nightly job writes {@code <date>/invoices.csv} and {@code seat-counts.csv}
 */
public record LocalSettings(String bootstrapServers, String schemaRegistryUrl, ZoneId billingZone, SeatBasis seatBasis,
                            Path outDir, Path workDir, SeatsSettings.TopicSettings topics,
                            String streamsApplicationId) {

    public static final String STREAMS_APPLICATION_ID = "seat-reconciler-streams";

    /** The settings both apps share, by their documented names. */
    public Map<String, Object> springProperties() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("spring.kafka.bootstrap-servers", bootstrapServers);
        p.put("seats.schema-registry-url", schemaRegistryUrl);
        p.put("seats.billing-zone", billingZone.getId());
        p.put("seats.topics.membership-events", topics.membershipEvents());
        p.put("seats.topics.rejected", topics.rejected());
        p.put("seats.topics.org-counts", topics.orgCounts());
        p.put("seats.topics.org-daily", topics.orgDaily());
        p.put("seats.topics.org-plans", topics.orgPlans());
        p.put("seats.topics.daily-retention", topics.dailyRetention().toString());
        p.put("seats.topics.min-compaction-lag", topics.minCompactionLag().toString());
        p.put("spring.kafka.streams.application-id", streamsApplicationId);
        p.put("spring.kafka.streams.state-dir", workDir.resolve("streams-state").toString());
        p.put("seats.billing.streams-application-id", streamsApplicationId);
        return p;
    }
}
