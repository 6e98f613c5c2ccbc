package org.seatreconciler.local.plans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seatreconciler.local.cli.UsageException;

class PlansFileTest {

    private static final List<String> CATALOGUE = List.of("GROUP", "ENTERPRISE", "STARTER");

    @TempDir
    Path dir;

    @Test
    void readsTrimmedQuotedRowsSkippingBlankLinesAndKeepsTheLastRowOfAnOrganisation() throws Exception {
        Path file = write("\uFEFForg_id,plan\r\n clinic-b , ENTERPRISE\r\n\r\n\"solo, c\",STARTER\nclinic-b,GROUP\n");

        assertThat(PlansFile.read(file, CATALOGUE)).containsExactly(
                new PlanAssignment("solo, c", "STARTER"),
                new PlanAssignment("clinic-b", "GROUP"));
    }

    @Test
    void headerOnlyMeansNoAssignments() throws Exception {
        assertThat(PlansFile.read(write("org_id,plan\n"), CATALOGUE)).isEmpty();
    }

    @Test
    void namesTheRowOfAnUnknownPlan() throws Exception {
        Path file = write("org_id,plan\nclinic-b,ENTERPRISE\nsolo-c,PLATINUM\n");

        assertThatThrownBy(() -> PlansFile.read(file, CATALOGUE)).isInstanceOf(UsageException.class)
                .hasMessage("plans.csv line 3: org 'solo-c' has plan 'PLATINUM', which is not in the catalogue (GROUP, ENTERPRISE, STARTER)");
    }

    @Test
    void rejectsAWrongHeaderAWrongFieldCountAnEmptyOrgAndAnEmptyFile() throws Exception {
        assertThatThrownBy(() -> PlansFile.read(write("org,plan\na,GROUP\n"), CATALOGUE))
                .hasMessage("plans.csv line 1: the header must be 'org_id,plan', got 'org,plan'");
        assertThatThrownBy(() -> PlansFile.read(write("org_id,plan\na,GROUP,extra\n"), CATALOGUE))
                .hasMessage("plans.csv line 2: expected 2 fields (org_id,plan), got 3");
        assertThatThrownBy(() -> PlansFile.read(write("org_id,plan\n ,GROUP\n"), CATALOGUE))
                .hasMessage("plans.csv line 2: org_id is empty");
        assertThatThrownBy(() -> PlansFile.read(write("\n\n"), CATALOGUE))
                .hasMessage("plans.csv is empty: expected the header 'org_id,plan'");
        assertThatThrownBy(() -> PlansFile.read(write("org_id,plan\n\"a,GROUP\n"), CATALOGUE))
                .hasMessage("plans.csv line 2: a quoted field is not closed");
    }

    private Path write(String content) throws Exception {
        return Files.writeString(dir.resolve("plans.csv"), content);
    }
}
