package org.seatreconciler.local.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seatreconciler.avro.MemberRole;
import org.seatreconciler.avro.MembershipEvent;
import org.seatreconciler.avro.MembershipEventType;
import org.seatreconciler.local.pipeline.DefaultComponents;
import org.seatreconciler.local.plans.PlanAssignment;
import org.seatreconciler.local.plans.PlansFile;
import org.seatreconciler.schemas.events.InvalidEventException;
import org.seatreconciler.schemas.events.MembershipEvents;

class DemoDataTest {

    @TempDir
    Path dir;

    @Test
    void theClinicIsTheArticlesExampleAndAllEventsFallOnTheDayInTheZone() throws Exception {
        LocalDate day = LocalDate.parse("2026-11-27");
        ZoneId zone = ZoneId.of("Pacific/Auckland");
        Path[] files = DemoData.write(dir, day, zone);

        List<MembershipEvent> events = new ArrayList<>();
        int malformed = 0;
        for (String line : Files.readAllLines(files[0])) {
            try {
                events.add(MembershipEvents.fromJson(line));
            } catch (InvalidEventException e) {
                malformed++;
            }
        }
        assertThat(malformed).isEqualTo(2);
        assertThat(events).allSatisfy(e -> assertThat(e.getOccurredAt().atZone(zone).toLocalDate()).isEqualTo(day));

        List<MembershipEvent> clinic = events.stream()
                .filter(e -> e.getOrgId().equals("sunrise-clinic") && e.getType() == MembershipEventType.MEMBER_ADDED).toList();
        long standard = clinic.stream().filter(e -> e.getRole() == MemberRole.STANDARD).count();
        long support = clinic.stream().filter(e -> e.getRole() == MemberRole.SUPPORT && !Boolean.TRUE.equals(e.getAdmin())
                && !Boolean.TRUE.equals(e.getOwner())).count();
        assertThat(standard).isEqualTo(10);
        assertThat(support).isEqualTo(16);
        assertThat(Math.max(standard, (standard + support + 1) / 2)).as("seats on GROUP (r = 1)").isEqualTo(13);

        long selfChanges = events.stream().filter(e -> e.getType() == MembershipEventType.ROLE_CHANGED
                && e.getMemberId().equals(e.getActorId())).count();
        long duplicateIds = events.size() - events.stream().map(MembershipEvent::getEventId).distinct().count();
        assertThat(selfChanges).isEqualTo(1);
        assertThat(duplicateIds).isEqualTo(1);

        assertThat(PlansFile.read(files[1], DefaultComponents.planCodes())).containsExactly(
                new PlanAssignment("sunrise-clinic", "GROUP"),
                new PlanAssignment("harbour-dental", "ENTERPRISE"),
                new PlanAssignment("solo-physio", "STARTER"),
                new PlanAssignment("metro-hospital", "GROUP"));
    }
}
