package org.seatreconciler.streams.counting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import org.seatreconciler.avro.MembershipEvent;
import org.seatreconciler.avro.OrgSeatDay;
import org.seatreconciler.avro.RejectedEvent;
import org.seatreconciler.schemas.events.InvalidEventException;
import org.seatreconciler.schemas.events.MembershipEvents;

/**
 * Replays the worked example (a copy of shared/examples/worked-example in test resources) and checks
 * the daily records against its expected seat-counts.csv files, read the way section 6 reads them.
 */
class WorkedExampleTopologyTest {

    @Test
    void theWorkedExampleGivesExactlyTheExpectedDaysRejectionsAndDuplicate() throws IOException {
        List<MembershipEvent> events = new ArrayList<>();
        int malformedLines = 0;
        for (String line : resource("events.jsonl").split("\n")) {
            try {
                events.add(MembershipEvents.fromJson(line));
            } catch (InvalidEventException e) {
                malformedLines++;
            }
        }
        assertThat(malformedLines).isEqualTo(2);

        try (TopologyFixture t = new TopologyFixture()) {
            events.forEach(t::send);

            Map<String, OrgSeatDay> days = new TreeMap<>(t.latestDaily());
            assertThat(days).containsOnlyKeys("clinic-a|2026-09-30", "clinic-a|2026-10-02", "clinic-b|2026-09-30",
                    "solo-c|2026-09-30");
            for (String date : List.of("2026-09-30", "2026-10-01", "2026-10-02")) {
                assertThat(seatCountsCsv(LocalDate.parse(date), days.values()))
                        .as("seat counts on %s", date)
                        .isEqualTo(lines(resource("seat-counts-" + date + ".csv")));
            }
            List<TestRecord<String, RejectedEvent>> rejected = t.rejected();
            assertThat(rejected).extracting(r -> r.value().getEventId() + " " + r.value().getReason())
                    .containsExactly("ex-036 SELF_ROLE_CHANGE", "ex-037 UNAUTHORIZED_ROLE_CHANGE");
            assertThat(t.outcomes.applied()).isEqualTo(39);
            assertThat(t.outcomes.duplicates()).isEqualTo(1);
            assertThat(t.outcomes.rejected()).isEqualTo(Map.of("SELF_ROLE_CHANGE", 1L, "UNAUTHORIZED_ROLE_CHANGE", 1L));
        }
    }

    /** Section 6: per org, its latest day on or before the date; peaks only if that day is the date itself. */
    private static List<String> seatCountsCsv(LocalDate date, Iterable<OrgSeatDay> days) {
        Map<String, OrgSeatDay> latest = new TreeMap<>();
        for (OrgSeatDay d : days) {
            if (!d.getDay().isAfter(date)) {
                latest.merge(d.getOrgId(), d, (a, b) -> a.getDay().isAfter(b.getDay()) ? a : b);
            }
        }
        List<String> rows = new ArrayList<>();
        rows.add("billing_date,org_id,standard,support,admins,owners,billable_standard,support_only,total_members,"
                + "peak_billable_standard,peak_total_members");
        latest.values().forEach(d -> {
            boolean sameDay = d.getDay().equals(date);
            rows.add(List.of(date, d.getOrgId(), d.getStandard(), d.getSupport(), d.getAdmins(), d.getOwners(),
                    d.getBillableStandard(), d.getSupportOnly(), d.getTotalMembers(),
                    sameDay ? d.getPeakBillableStandard() : d.getBillableStandard(),
                    sameDay ? d.getPeakTotalMembers() : d.getTotalMembers())
                    .stream().map(String::valueOf).collect(Collectors.joining(",")));
        });
        return rows;
    }

    private static List<String> lines(String text) {
        return List.of(text.split("\r?\n"));
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = WorkedExampleTopologyTest.class.getResourceAsStream("/worked-example/" + name)) {
            return new String(Objects.requireNonNull(in, name).readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
