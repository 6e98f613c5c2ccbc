package org.seatreconciler.local.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seatreconciler.avro.MemberRole;
import org.seatreconciler.avro.MembershipEvent;
import org.seatreconciler.avro.MembershipEventType;
import org.seatreconciler.avro.RejectedEvent;
import org.seatreconciler.batch.ledger.NotBilled;

class OutputFilesTest {

    @TempDir
    Path out;

    @Test
    void rejectedEventsFileHoldsBothShapesAndAppearsOnlyOnCommit() throws Exception {
        MembershipEvent event = MembershipEvent.newBuilder().setEventId("ex-036").setType(MembershipEventType.ROLE_CHANGED)
                .setOrgId("clinic-a").setMemberId("a-sup-05").setOccurredAt(Instant.parse("2026-10-02T09:00:00Z"))
                .setActorId("a-sup-05").setRole(MemberRole.STANDARD).build();
        RejectedEvent selfChange = RejectedEvent.newBuilder().setPayload(ByteBuffer.wrap(new byte[] {0, 1}))
                .setReason("SELF_ROLE_CHANGE").setDetail("a member cannot change their own role").setEventId("ex-036")
                .setSourceTopic("hr.membership-events").setSourcePartition(0).setSourceOffset(35).build();
        RejectedEvent garbage = RejectedEvent.newBuilder().setPayload(ByteBuffer.wrap(new byte[] {7, 7}))
                .setReason("MALFORMED").setDetail("unknown magic byte 7").setEventId(null)
                .setSourceTopic("hr.membership-events").setSourcePartition(0).setSourceOffset(50).build();

        try (RejectedEventsFile file = RejectedEventsFile.open(out)) {
            file.inputLine(43, "MALFORMED", "not JSON: Unrecognized token 'this'", "this line is \"not\" JSON");
            file.topology(selfChange, Optional.of(event));
            file.topology(garbage, Optional.empty());
            assertThat(out.resolve("rejected-events.jsonl")).doesNotExist();
            file.commit();
        }

        assertThat(Files.readAllLines(out.resolve("rejected-events.jsonl"))).containsExactly(
                "{\"source\":\"input\",\"line\":43,\"reason\":\"MALFORMED\",\"detail\":\"not JSON: Unrecognized token 'this'\","
                        + "\"original\":\"this line is \\\"not\\\" JSON\"}",
                "{\"source\":\"topology\",\"reason\":\"SELF_ROLE_CHANGE\",\"detail\":\"a member cannot change their own role\","
                        + "\"eventId\":\"ex-036\",\"partition\":0,\"offset\":35,\"event\":{\"eventId\":\"ex-036\",\"type\":\"ROLE_CHANGED\","
                        + "\"orgId\":\"clinic-a\",\"memberId\":\"a-sup-05\",\"occurredAt\":\"2026-10-02T09:00:00Z\",\"actorId\":\"a-sup-05\","
                        + "\"role\":\"STANDARD\"}}",
                "{\"source\":\"topology\",\"reason\":\"MALFORMED\",\"detail\":\"unknown magic byte 7\",\"eventId\":null,"
                        + "\"partition\":0,\"offset\":50,\"payload\":\"Bwc=\"}");
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("rejected-events.jsonl");
        }
    }

    @Test
    void anUncommittedRejectedEventsFileLeavesNothing() throws Exception {
        try (RejectedEventsFile file = RejectedEventsFile.open(out)) {
            file.inputLine(1, "MALFORMED", "not JSON", "x");
        }
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void runSummaryHasTheCountsSortedReasonsAndPerDateTotals() throws Exception {
        RunSummary summary = new RunSummary(44, 39, 1,
                RunSummary.merge(Map.of("MALFORMED", 2L), Map.of("UNAUTHORIZED_ROLE_CHANGE", 1L, "SELF_ROLE_CHANGE", 1L)),
                List.of(DateResult.of(LocalDate.parse("2026-09-30"), 3, 3, Map.of("USD", new BigDecimal("30.00")),
                                Map.of("USD", new BigDecimal("900.00")), 0, List.of()),
                        DateResult.of(LocalDate.parse("2026-10-01"), 3, 0, Map.of(), Map.of("JPY", new BigDecimal("-140000")),
                                1, List.of(new NotBilled("clinic-q", "seat figures fail validation: B (10) is below standard (11)"),
                                        new NotBilled("solo-c", "plan GOLD is not in the catalogue")))), false);

        RunSummaryFile.write(out, summary);

        assertThat(Files.readString(out.resolve("run-summary.json"))).isEqualTo("""
                {
                  "eventsRead" : 44,
                  "eventsApplied" : 39,
                  "duplicatesIgnored" : 1,
                  "eventsRejected" : {
                    "MALFORMED" : 2,
                    "SELF_ROLE_CHANGE" : 1,
                    "UNAUTHORIZED_ROLE_CHANGE" : 1
                  },
                  "preview" : false,
                  "dates" : [ {
                    "date" : "2026-09-30",
                    "organisations" : 3,
                    "invoiceLines" : 3,
                    "totals" : {
                      "USD" : 30.00
                    },
                    "renewalChange" : {
                      "USD" : 900.00
                    },
                    "reviewRows" : 0,
                    "notBilled" : [ ]
                  }, {
                    "date" : "2026-10-01",
                    "organisations" : 3,
                    "invoiceLines" : 0,
                    "totals" : { },
                    "renewalChange" : {
                      "JPY" : -140000
                    },
                    "reviewRows" : 1,
                    "notBilled" : [ {
                      "orgId" : "clinic-q",
                      "reason" : "seat figures fail validation: B (10) is below standard (11)"
                    }, {
                      "orgId" : "solo-c",
                      "reason" : "plan GOLD is not in the catalogue"
                    } ]
                  } ]
                }
                """);
        assertThat(summary.rejectedTotal()).isEqualTo(4);
    }
}
