package org.seatreconciler.streams.counting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.seatreconciler.streams.counting.Events.added;
import static org.seatreconciler.streams.counting.Events.adminChanged;
import static org.seatreconciler.streams.counting.Events.removed;
import static org.seatreconciler.streams.counting.Events.roleChanged;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import org.seatreconciler.avro.MemberRole;
import org.seatreconciler.avro.MembershipEvent;
import org.seatreconciler.avro.OrgSeatCounts;
import org.seatreconciler.avro.OrgSeatDay;
import org.seatreconciler.schemas.Topics;

/** Counts and daily records of DESIGN.md section 5 through the real topology. */
class CountingTopologyTest {

    private static final String ORG = "org-7";
    private static final LocalDate NOV_2 = LocalDate.parse("2026-11-02");
    private static final LocalDate NOV_3 = LocalDate.parse("2026-11-03");

    @Test
    void countsAreEmittedWhenFiguresChangeWithTheEventTime() {
        try (TopologyFixture t = new TopologyFixture()) {
            t.send(added("e1", ORG, "m-1", "2026-11-02T09:00:00Z", MemberRole.STANDARD, true, true),
                    added("e2", ORG, "m-2", "2026-11-02T09:05:00Z", MemberRole.SUPPORT),
                    // changes no figure: m-1 is already admin; applied, so the day is re-emitted
                    adminChanged("e3", ORG, "m-1", "2026-11-02T09:10:00Z", true),
                    adminChanged("e4", ORG, "m-2", "2026-11-02T09:15:00Z", true));

            List<TestRecord<String, OrgSeatCounts>> counts = t.counts();
            assertThat(counts).extracting(TestRecord::key).containsOnly(ORG);
            assertThat(counts).extracting(TestRecord::value).containsExactly(
                    counts(1, 0, 1, 1, 1, 0, 1, "2026-11-02T09:00:00Z"),
                    counts(1, 1, 1, 1, 1, 1, 2, "2026-11-02T09:05:00Z"),
                    counts(1, 1, 2, 1, 2, 0, 2, "2026-11-02T09:15:00Z"));
            assertThat(t.daily()).hasSize(4);
            assertThat(t.outcomes.applied()).isEqualTo(4);
        }
    }

    @Test
    void outOfOrderDeliveryEndsInTheSameCountsAsInOrder() {
        List<MembershipEvent> history = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            history.add(added("add-" + i, ORG, "m-" + i, at(10, i), i % 3 == 0 ? MemberRole.STANDARD : MemberRole.SUPPORT));
        }
        history.add(removed("rm-1", ORG, "m-1", at(11, 0)));
        history.add(adminChanged("adm-2", ORG, "m-2", at(11, 5), true));
        history.add(Events.added("readd-1", ORG, "m-1", at(12, 0), MemberRole.STANDARD, false, true));
        history.add(adminChanged("adm-2b", ORG, "m-2", at(12, 30), false));
        history.add(removed("rm-4", ORG, "m-4", at(13, 0)));
        // the role change's actor is added first in every order, so the rule judges it the same way
        MembershipEvent admin = added("add-admin", ORG, "m-admin", at(9, 0), MemberRole.STANDARD, true, false);
        MembershipEvent roleChange = roleChanged("role-5", ORG, "m-5", at(14, 0), "m-admin", MemberRole.STANDARD);

        OrgSeatCounts inOrder = finalCounts(admin, history, roleChange);
        List<MembershipEvent> shuffled = new ArrayList<>(history);
        Collections.shuffle(shuffled, new Random(3));
        OrgSeatCounts outOfOrder = finalCounts(admin, shuffled, roleChange);
        Collections.reverse(shuffled);
        OrgSeatCounts reversed = finalCounts(admin, shuffled, roleChange);

        // 13 added, m-4 removed; standard: admin, m-0, m-3, m-6, m-9, m-1 (re-added), m-5 (role change)
        assertThat(inOrder.getStandard()).isEqualTo(7);
        assertThat(inOrder.getSupport()).isEqualTo(5);
        assertThat(inOrder.getAdmins()).isEqualTo(1);
        assertThat(inOrder.getOwners()).isEqualTo(1);
        assertThat(inOrder.getBillableStandard()).isEqualTo(7);
        assertThat(inOrder.getTotalMembers()).isEqualTo(12);
        assertThat(strip(outOfOrder)).isEqualTo(strip(inOrder));
        assertThat(strip(reversed)).isEqualTo(strip(inOrder));
    }

    @Test
    void aLateEventIsClampedToTheOrganisationsLatestDay() {
        try (TopologyFixture t = new TopologyFixture()) {
            t.send(added("e1", ORG, "m-1", "2026-11-02T09:00:00Z", MemberRole.STANDARD),
                    added("e2", ORG, "m-2", "2026-11-03T09:00:00Z", MemberRole.SUPPORT));
            t.daily();

            t.send(added("late", ORG, "m-3", "2026-11-02T23:00:00Z", MemberRole.SUPPORT));

            List<TestRecord<String, OrgSeatDay>> daily = t.daily();
            assertThat(daily).extracting(TestRecord::key).containsExactly(Topics.dailyKey(ORG, NOV_3));
            assertThat(daily.get(0).value()).isEqualTo(day(NOV_3, 1, 2, 1, 2, 1, 3, "2026-11-02T23:00:00Z"));
        }
    }

    @Test
    void aNewDaysPeaksStartFromThePreviousClose() {
        try (TopologyFixture t = new TopologyFixture()) {
            t.send(added("e1", ORG, "m-1", "2026-11-02T09:00:00Z", MemberRole.STANDARD),
                    added("e2", ORG, "m-2", "2026-11-02T09:01:00Z", MemberRole.STANDARD),
                    added("e3", ORG, "m-3", "2026-11-02T09:02:00Z", MemberRole.SUPPORT));
            t.daily();

            t.send(removed("e4", ORG, "m-2", "2026-11-03T08:00:00Z"));

            Map<String, OrgSeatDay> days = t.latestDaily();
            assertThat(days).containsOnlyKeys(Topics.dailyKey(ORG, NOV_3));
            assertThat(days.get(Topics.dailyKey(ORG, NOV_3)))
                    .isEqualTo(day(NOV_3, 1, 1, 1, 1, 2, 3, "2026-11-03T08:00:00Z"));
        }
    }

    @Test
    void dailyPeaksRememberAMemberWhoJoinedAndLeftWithinTheDay() {
        try (TopologyFixture t = new TopologyFixture()) {
            t.send(added("e1", ORG, "m-1", "2026-11-02T09:00:00Z", MemberRole.STANDARD),
                    added("e2", ORG, "m-2", "2026-11-02T09:01:00Z", MemberRole.SUPPORT),
                    added("e3", ORG, "m-3", "2026-11-02T10:00:00Z", MemberRole.SUPPORT, true, false),
                    removed("e4", ORG, "m-3", "2026-11-02T16:00:00Z"));

            Map<String, OrgSeatDay> days = t.latestDaily();
            assertThat(days).containsOnlyKeys(Topics.dailyKey(ORG, NOV_2));
            // the first day starts from zeros; m-3 (an admin, so billed as standard) was there from 10:00 to 16:00
            assertThat(days.get(Topics.dailyKey(ORG, NOV_2)))
                    .isEqualTo(day(NOV_2, 1, 1, 1, 1, 2, 3, "2026-11-02T16:00:00Z"));
        }
    }

    @Test
    void theDayFollowsTheBillingZone() {
        TopologySettings berlin = new TopologySettings(Topics.MEMBERSHIP_EVENTS, Topics.REJECTED, Topics.ORG_COUNTS,
                Topics.ORG_DAILY, ZoneId.of("Europe/Berlin"), TopologySettings.DEFAULT_DEDUP_RETENTION,
                TopologySettings.DEFAULT_FUTURE_TOLERANCE);
        try (TopologyFixture t = new TopologyFixture(berlin)) {
            t.send(added("e1", ORG, "m-1", "2026-11-02T23:30:00Z", MemberRole.STANDARD));

            assertThat(t.latestDaily()).containsOnlyKeys(Topics.dailyKey(ORG, NOV_3));
        }
    }

    private static OrgSeatCounts finalCounts(MembershipEvent first, List<MembershipEvent> events, MembershipEvent last) {
        try (TopologyFixture t = new TopologyFixture()) {
            t.send(first);
            events.forEach(t::send);
            t.send(last);
            assertThat(t.rejected()).isEmpty();
            return t.latestCounts().get(ORG);
        }
    }

    /** The counts without lastChangedAt, which names the last event to change them and so depends on order. */
    private static List<Integer> strip(OrgSeatCounts c) {
        return List.of(c.getStandard(), c.getSupport(), c.getAdmins(), c.getOwners(), c.getBillableStandard(),
                c.getSupportOnly(), c.getTotalMembers());
    }

    private static String at(int hour, int minute) {
        return String.format("2026-11-02T%02d:%02d:00Z", hour, minute);
    }

    private static OrgSeatCounts counts(int standard, int support, int admins, int owners, int b, int p, int total,
                                        String at) {
        return new OrgSeatCounts(ORG, standard, support, admins, owners, b, p, total, Instant.parse(at));
    }

    /** A day of members without admin or owner flags: standard = B, support = P. */
    private static OrgSeatDay day(LocalDate day, int standard, int support, int b, int p, int peakB, int peakT,
                                  String at) {
        return new OrgSeatDay(ORG, day, standard, support, 0, 0, b, p, standard + support, peakB, peakT,
                Instant.parse(at), "UTC");
    }
}
