package org.seatreconciler.batch.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.seatreconciler.avro.OrgSeatDay;
import org.seatreconciler.batch.BillingRun;
import org.seatreconciler.schemas.Topics;
import org.seatreconciler.schemas.serde.ConfluentAvroSerde;
import org.seatreconciler.schemas.settings.SeatsSettings;
import org.seatreconciler.schemas.settings.TopicLayout;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.TestPropertySource;

/**
 * Bounded history (DESIGN.md sections 5 and 6). seats.org-daily is created as the streams app creates it
 * (compact,delete, 40 days here, the contract's minimum) on a broker that checks retention every half
 * second. Records whose timestamps are 100 days old are billed on Sep 30, then age out of the topic; the
 * following dates are billed from what the topic still holds plus the ledger's last seat snapshots, and the
 * files are those of the worked example, where every record was there.
 */
@TestPropertySource(properties = { "seats.topics.org-daily=r.org-daily", "seats.topics.org-plans=r.org-plans" })
@EmbeddedKafka(partitions = 3, topics = { Topics.MEMBERSHIP_EVENTS },
        brokerProperties = { "offsets.topic.replication.factor=1", "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1", "log.retention.check.interval.ms=500",
                "log.initial.task.delay.ms=0" })
class RetentionJobTest extends BillingJobTestSupport {

    private static final String DAILY = "r.org-daily";
    private static final String PLANS = "r.org-plans";

    @Test
    void recordsOlderThanTheRetentionLeaveTheTopicAndTheOrganisationsStayBilledOnTheirLastSnapshot() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()))) {
            SeatsSettings.TopicSettings layout = new SeatsSettings.TopicSettings(Topics.MEMBERSHIP_EVENTS,
                    Topics.REJECTED, Topics.ORG_COUNTS, DAILY, PLANS, true, 3, 3, (short) 1, Duration.ofDays(40),
                    Duration.ofDays(1));
            Map<String, String> daily = new HashMap<>(TopicLayout.daily(layout));
            daily.put(TopicConfig.RETENTION_MS_CONFIG, "-1"); // kept until the first night is billed
            admin.createTopics(List.of(new NewTopic(DAILY, 3, (short) 1).configs(daily),
                    new NewTopic(PLANS, 3, (short) 1).configs(TopicLayout.plans(layout)))).all().get(30, TimeUnit.SECONDS);

            Instant hundredDaysAgo = Instant.now().minus(Duration.ofDays(100));
            sendDays(hundredDaysAgo, List.of(
                    day("clinic-a", SEP_30, 10, 16, 1, 1, 10, 16, 26, 10, 26),
                    day("clinic-b", SEP_30, 3, 1, 1, 1, 4, 0, 4, 4, 4),
                    day("solo-c", SEP_30, 1, 2, 1, 1, 1, 2, 3, 1, 3)));
            Map<TopicPartition, Long> oldEnds = offsets(admin, OffsetSpec.latest());
            publishPlans(PLANS, Map.of("clinic-b", "ENTERPRISE", "solo-c", "STARTER"));
            assertFilesAreTheWorkedExample(bill(SEP_30).folder(), SEP_30);

            // the retention the streams app creates the topic with (40 days at least): the records are 100 days old
            admin.incrementalAlterConfigs(Map.of(new ConfigResource(ConfigResource.Type.TOPIC, DAILY), List.of(
                    new AlterConfigOp(new ConfigEntry(TopicConfig.RETENTION_MS_CONFIG,
                            String.valueOf(layout.dailyRetention().toMillis())), AlterConfigOp.OpType.SET))))
                    .all().get(30, TimeUnit.SECONDS);
            sendDays(Instant.now(), List.of(day("clinic-a", OCT_2, 11, 16, 3, 1, 13, 14, 27, 13, 28)));
            awaitEarliestOffsets(admin, oldEnds);

            List<BillingRun> caughtUp = billing.bill(OCT_2);

            assertThat(caughtUp).extracting(BillingRun::billingDate).containsExactly(OCT_1, OCT_2);
            assertFilesAreTheWorkedExample(caughtUp.get(0).folder(), OCT_1);
            assertFilesAreTheWorkedExample(caughtUp.get(1).folder(), OCT_2);
            assertThat(ledger()).containsExactly("20260930-clinic-a-T", "20260930-clinic-b-T", "20260930-solo-c-T",
                    "20261001-clinic-a-R", "20261001-clinic-b-R", "20261001-solo-c-R", "20261002-clinic-a-T");
        }
    }

    /** Not transactional: a commit marker would carry the broker's current time and keep the segment. */
    private void sendDays(Instant timestamp, List<OrgSeatDay> days) throws Exception {
        try (KafkaProducer<String, OrgSeatDay> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(), ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.CLIENT_ID_CONFIG, "retention-" + UUID.randomUUID()), new StringSerializer(),
                ConfluentAvroSerde.forValues(OrgSeatDay.class, REGISTRY).serializer())) {
            for (OrgSeatDay day : days) {
                producer.send(new ProducerRecord<>(DAILY, null, timestamp.toEpochMilli(),
                        Topics.dailyKey(day.getOrgId(), day.getDay()), day)).get(30, TimeUnit.SECONDS);
            }
        }
    }

    /** Waits until every partition's earliest offset has passed the old records: they are gone. */
    private static void awaitEarliestOffsets(Admin admin, Map<TopicPartition, Long> oldEnds) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        Map<TopicPartition, Long> earliest = offsets(admin, OffsetSpec.earliest());
        while (oldEnds.entrySet().stream().anyMatch(e -> earliest.get(e.getKey()) < e.getValue())) {
            assertThat(System.nanoTime()).as("old records still on %s: earliest %s, old ends %s", DAILY, earliest,
                    oldEnds).isLessThan(deadline);
            Thread.sleep(200);
            earliest.putAll(offsets(admin, OffsetSpec.earliest()));
        }
        assertThat(oldEnds.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(3);
    }

    private static Map<TopicPartition, Long> offsets(Admin admin, OffsetSpec spec) throws Exception {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        for (int p = 0; p < 3; p++) {
            request.put(new TopicPartition(DAILY, p), spec);
        }
        Map<TopicPartition, Long> offsets = new HashMap<>();
        admin.listOffsets(request).all().get(30, TimeUnit.SECONDS).forEach((tp, info) -> offsets.put(tp, info.offset()));
        return offsets;
    }
}
