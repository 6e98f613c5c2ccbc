package org.seatreconciler.batch.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.seatreconciler.avro.MembershipEvent;
import org.seatreconciler.avro.RejectedEvent;
import org.seatreconciler.batch.BillingFailedException;
import org.seatreconciler.batch.explain.Explainer;
import org.seatreconciler.batch.explain.ExplanationJson;
import org.seatreconciler.batch.explain.ExplanationText;
import org.seatreconciler.schemas.Topics;
import org.seatreconciler.schemas.events.MembershipEvents;
import org.seatreconciler.schemas.serde.ConfluentAvroSerde;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.seatreconciler.batch.config.KafkaClients;
import org.seatreconciler.batch.explain.OrgEventLog;
import org.seatreconciler.batch.launch.BillingCommandRunner;
import org.seatreconciler.batch.launch.OutsideFailure;
import org.seatreconciler.batch.launch.SchemaCheck;
import org.seatreconciler.batch.ledger.LedgerRepository;
import org.seatreconciler.batch.order.CompletedDates;
import org.seatreconciler.batch.reports.DateReports;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.ZoneOffset;

/**
 * Explaining the worked example's clinic-a on 2 October: the figures, the rule with its numbers, what was bought
 * before, the proration to 48.39, and the events of that day read back from its partition of
 * hr.membership-events (the other organisations' records skipped), told apart with the rejections the streams
 * app published; then again once retention has removed part of the partition.
 */
class ExplainJobTest extends BillingJobTestSupport {

    @Autowired
    Explainer explainer;

    /** eventId -> offsets, in file order (ex-038 is delivered twice). */
    private final Map<String, List<Long>> offsets = new HashMap<>();
    private int partition;
    private long end;

    @Test
    void explainsClinicAOnTheSecondOfOctoberWithTheEventsOfThatDay() throws Exception {
        publishWorkedExampleDays();
        publishWorkedExamplePlans();
        publishWorkedExampleEvents();
        bill(SEP_30);
        bill(OCT_1);
        bill(OCT_2);

        String text = ExplanationText.render(explainer.explain("clinic-a", OCT_2, OCT_2));

        assertThat(text).isEqualTo("""
                clinic-a on 2026-10-02: billed (from the seat ledger)
                Plan GROUP: 1 support seat included with each standard seat, 50.00 USD a seat a month; seat basis END_OF_DAY
                Figures at the close of the day: 11 standard, 16 support, 3 admins, 1 owners; B 13 billable standard \
                (STANDARD, admin or owner), P 14 support only, T 27 members
                Rule: S = max(B, ceil(T / (1 + r))) = max(13, ceil(27 / 2)) = max(13, 14) = 14 seats, 14 support seats included
                Bought before in October 2026: 13 seats (2026-10-01 RENEWAL 13)
                Line: TRUE_UP of 14 - 13 = 1 seat, prorated for 30 of 31 days (2026-10-02 .. 2026-10-31): \
                1 x 50.00 x 30 / 31 = 48.387096... -> 48.39 USD (rounded half up, once) (invoice 20261002-clinic-a-T)
                Month: 14 seats bought, 14 required, 0 unused; next renewal 14 seats against 13 renewed on 2026-10-01: \
                renewal change 1 -> 50.00 USD a month
                Membership events that changed its counts on 2026-10-02 (hr.membership-events partition %d read up to \
                offset %d, 35 records of clinic-a):
                  %d  2026-10-02T08:00:00Z  ex-034  ADMIN_CHANGED a-sup-00 admin=true: admins 1 -> 2, B 10 -> 11, P 16 -> 15
                  %d  2026-10-02T08:01:00Z  ex-035  ADMIN_CHANGED a-sup-01 admin=true: admins 2 -> 3, B 11 -> 12, P 15 -> 14
                  %d  2026-10-02T09:10:00Z  ex-038  ROLE_CHANGED a-sup-07 role=STANDARD by a-std-00: standard 10 -> 11, \
                support 16 -> 15, B 12 -> 13, P 14 -> 13
                  %d  2026-10-02T12:00:00Z  ex-039  MEMBER_ADDED a-sup-16 role=SUPPORT: support 15 -> 16, P 13 -> 14, T 26 -> 27
                  %d  2026-10-02T12:01:00Z  ex-040  MEMBER_ADDED a-sup-17 role=SUPPORT: support 16 -> 17, P 14 -> 15, T 27 -> 28
                  %d  2026-10-02T15:00:00Z  ex-041  MEMBER_REMOVED a-sup-17: support 17 -> 16, P 15 -> 14, T 28 -> 27
                Other events of clinic-a on 2026-10-02:
                  %d  2026-10-02T09:00:00Z  ex-036  ROLE_CHANGED a-sup-05 role=STANDARD by a-sup-05: rejected \
                SELF_ROLE_CHANGE: member a-sup-05 in org clinic-a cannot change their own role
                  %d  2026-10-02T09:05:00Z  ex-037  ROLE_CHANGED a-sup-06 role=STANDARD by a-std-03: rejected \
                UNAUTHORIZED_ROLE_CHANGE: role change of member a-sup-06 in org clinic-a: actor a-std-03 is not an admin of the org
                  %d  2026-10-02T09:10:00Z  ex-038  ROLE_CHANGED a-sup-07 role=STANDARD by a-std-00: a duplicate of offset %d, ignored
                """.formatted(partition, end, offset("ex-034"), offset("ex-035"), offset("ex-038"), offset("ex-039"),
                offset("ex-040"), offset("ex-041"), offset("ex-036"), offset("ex-037"), offsets.get("ex-038").get(1),
                offset("ex-038")));

        JsonNode json = new ObjectMapper().readTree(ExplanationJson.render(explainer.explain("clinic-a", OCT_2, OCT_2)));
        assertThat(json.get("source").asText()).isEqualTo("ledger");
        assertThat(json.at("/rule/requiredSeats").asInt()).isEqualTo(14);
        assertThat(json.get("purchasedBefore").asInt()).isEqualTo(13);
        assertThat(json.at("/line/amount").asText()).isEqualTo("48.39");
        assertThat(json.at("/line/billedDays").asInt()).isEqualTo(30);
        assertThat(json.at("/reconciliation/renewalChangeAmount").asText()).isEqualTo("50.00");
        assertThat(json.at("/events/complete").asBoolean()).isTrue();
        assertThat(json.at("/events/changedCounts").findValuesAsText("eventId"))
                .containsExactly("ex-034", "ex-035", "ex-038", "ex-039", "ex-040", "ex-041");
        assertThat(json.at("/events/changedCounts/5/after/totalMembers").asInt()).isEqualTo(27);
        assertThat(json.at("/events/notCounted").findValuesAsText("eventId")).containsExactly("ex-036", "ex-037", "ex-038");

        // clinic-b: no change on 2 Oct, no line
        assertThat(ExplanationText.render(explainer.explain("clinic-b", OCT_2, OCT_2))).contains("""
                Line: none: the 4 seats required are not more than the 4 bought before in the month (seats are not \
                refunded within a month)""".replace("Line: none: the", "No line: the"), """
                No membership event changed its counts on 2026-10-02 (hr.membership-events partition""");
        // a date not billed yet is explained from its preview
        assertThat(ExplanationText.render(explainer.explain("clinic-a", OCT_2.plusDays(1), OCT_2.plusDays(1))))
                .startsWith("clinic-a on 2026-10-03: not billed yet: a preview from the figures known now, nothing billed\n")
                .contains("No line: the 14 seats required are not more than the 14 bought before in the month");
        // a night missed: 3 Oct is not billed, so 4 Oct is explained from the preview that computes 3 Oct first, in
        // memory (not the organisation alone)
        assertThat(preview.rendersAsComputed(OCT_2.plusDays(2), OCT_2.plusDays(2))).isFalse();
        assertThat(ExplanationText.render(explainer.explain("clinic-a", OCT_2.plusDays(2), OCT_2.plusDays(2))))
                .startsWith("clinic-a on 2026-10-04: not billed yet: a preview from the figures known now, nothing billed\n")
                .contains("No line: the 14 seats required are not more than the 14 bought before in the month");
        assertThatThrownBy(() -> explainer.explain("nobody", OCT_2, OCT_2)).isInstanceOf(BillingFailedException.class)
                .hasMessage("No figures for organisation \"nobody\" on 2026-10-02: it has no record on seats.org-daily "
                        + "on or before that date and was not billed before it");

        // Retention removes the partition's records before ex-035: the events still held are listed, but not
        // their effect, which needs the whole history
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()))) {
            admin.deleteRecords(Map.of(new TopicPartition(Topics.MEMBERSHIP_EVENTS, partition),
                    RecordsToDelete.beforeOffset(offset("ex-035")))).all().get();
        }
        String afterRetention = ExplanationText.render(explainer.explain("clinic-a", OCT_2, OCT_2));
        assertThat(afterRetention).contains("""
                hr.membership-events partition %d holds its records from offset %d on only: older records are gone \
                with the topic's retention, so events of 2026-10-02 may be missing and their effect on the counts cannot \
                be computed (it needs the organisation's whole history). Events of clinic-a on 2026-10-02 still held:
                  %d  2026-10-02T08:01:00Z  ex-035  ADMIN_CHANGED a-sup-01 admin=true
                """.formatted(partition, offset("ex-035"), offset("ex-035")))
                .doesNotContain("ex-034")
                .contains("48.39 USD");
    }

    @Autowired
    CompletedDates completedDates;
    @Autowired
    DateReports reports;
    @Autowired
    LedgerRepository ledgerRepository;
    @Autowired
    KafkaProperties kafkaProperties;
    @Autowired
    SchemaCheck schemaCheck;

    @Test
    void aRegistryThatIsDownFailsTheExplanationInOneLineNamingItNotAnExplanationWithEventsMissing() throws Exception {
        publishWorkedExampleDays();
        publishWorkedExamplePlans();
        publishWorkedExampleEvents();
        bill(SEP_30);
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort(); // closed again: nothing listens there
        }
        String registry = "http://127.0.0.1:" + port;
        KafkaClients down = new KafkaClients(kafkaProperties, registry);
        OrgEventLog events = new OrgEventLog(() -> down.rawSnapshotConsumer("explain-registry-down"),
                down.deserializer(MembershipEvent.class), down.deserializer(RejectedEvent.class),
                Topics.MEMBERSHIP_EVENTS, Topics.REJECTED, Duration.ofSeconds(30));
        BillingCommandRunner runner = new BillingCommandRunner(billing, preview, new Explainer(completedDates, reports,
                ledgerRepository, preview, events, ZoneOffset.UTC), schemaCheck, new OutsideFailure("jdbc:h2:mem:x",
                        registry));

        PrintStream err = System.err;
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
        try {
            runner.run(new DefaultApplicationArguments("--explain", "clinic-a", "--billing-date=2026-09-30"));
        } finally {
            System.setErr(err);
        }

        assertThat(runner.getExitCode()).isEqualTo(3);
        assertThat(stderr.toString(StandardCharsets.UTF_8)).isEqualTo("The schema registry at " + registry
                + " failed: Schema registry at " + registry + "/ unreachable: java.net.ConnectException"
                + System.lineSeparator());
    }

    private long offset(String eventId) {
        return offsets.get(eventId).get(0);
    }

    /**
     * The worked example's events as the HR systems publish them (Avro, key orgId, file order; the two lines
     * that are not events are never published), and the streams app's rejections of ex-036 and ex-037.
     */
    private void publishWorkedExampleEvents() throws Exception {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ProducerConfig.ACKS_CONFIG, "all");
        List<RejectedEvent> rejections = new ArrayList<>();
        try (KafkaProducer<String, MembershipEvent> producer = new KafkaProducer<>(config, new StringSerializer(),
                ConfluentAvroSerde.forValues(MembershipEvent.class, REGISTRY).serializer());
                BufferedReader lines = new BufferedReader(new InputStreamReader(
                        getClass().getResourceAsStream("/worked-example/events.jsonl"), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                MembershipEvent event;
                try {
                    event = MembershipEvents.fromJson(line);
                } catch (RuntimeException notAnEvent) {
                    continue;
                }
                RecordMetadata sent = producer.send(new ProducerRecord<>(Topics.MEMBERSHIP_EVENTS, event.getOrgId(),
                        event)).get();
                if (event.getOrgId().equals("clinic-a")) {
                    partition = sent.partition();
                    end = sent.offset() + 1;
                }
                offsets.computeIfAbsent(event.getEventId(), id -> new ArrayList<>()).add(sent.offset());
                if (event.getEventId().equals("ex-036")) {
                    rejections.add(rejection(sent, "ex-036", "SELF_ROLE_CHANGE",
                            "member a-sup-05 in org clinic-a cannot change their own role"));
                } else if (event.getEventId().equals("ex-037")) {
                    rejections.add(rejection(sent, "ex-037", "UNAUTHORIZED_ROLE_CHANGE",
                            "role change of member a-sup-06 in org clinic-a: actor a-std-03 is not an admin of the org"));
                }
            }
        }
        try (KafkaProducer<String, RejectedEvent> producer = new KafkaProducer<>(config, new StringSerializer(),
                ConfluentAvroSerde.forValues(RejectedEvent.class, REGISTRY).serializer())) {
            for (RejectedEvent rejection : rejections) {
                producer.send(new ProducerRecord<>(Topics.REJECTED, "clinic-a", rejection)).get();
            }
        }
        // the streams app has processed them all: its group's offsets at the end, as the nightly job checks
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()))) {
            Map<TopicPartition, OffsetAndMetadata> ends = new HashMap<>();
            for (int p = 0; p < 3; p++) {
                TopicPartition tp = new TopicPartition(Topics.MEMBERSHIP_EVENTS, p);
                ends.put(tp, new OffsetAndMetadata(admin.listOffsets(Map.of(tp, OffsetSpec.latest())).partitionResult(tp)
                        .get().offset()));
            }
            admin.alterConsumerGroupOffsets("seat-reconciler-streams", ends).all().get();
        }
    }

    private static RejectedEvent rejection(RecordMetadata source, String eventId, String reason, String detail) {
        return RejectedEvent.newBuilder().setEventId(eventId).setReason(reason).setDetail(detail)
                .setSourceTopic(source.topic()).setSourcePartition(source.partition()).setSourceOffset(source.offset())
                .build();
    }
}
