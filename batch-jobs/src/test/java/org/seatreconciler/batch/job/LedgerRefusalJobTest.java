package org.seatreconciler.batch.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.seatreconciler.batch.BillingRun;
import org.springframework.test.context.TestPropertySource;

/**
 * A ledger created by an older version keeps its columns (plan VARCHAR(64)). An organisation on a
 * well-formed plan code of 100 characters, not in the catalogue, gets a seat snapshot that ledger refuses:
 * the chunk is written again organisation by organisation, that one is recorded as not billed with the
 * database's reason, and the others of its chunk are billed.
 */
@TestPropertySource(properties = {
        "spring.datasource.url=jdbc:h2:mem:${random.uuid};DB_CLOSE_DELAY=-1;"
                + "INIT=RUNSCRIPT FROM 'classpath:old-seat-ledger-schema.sql'",
        "seats.billing.max-not-billed-share=0.5" })
class LedgerRefusalJobTest extends BillingJobTestSupport {

    @Test
    void aRowTheLedgerRefusesLeavesThatOrganisationOutAndTheRestOfItsChunkBilled() throws Exception {
        publishWorkedExampleDays();
        publishDays(List.of(day("clinic-long", SEP_30, 2, 0, 1, 1, 2, 0, 2, 2, 2)));
        publishWorkedExamplePlans();
        publishPlans(Map.of("clinic-long", "P".repeat(100)));

        BillingRun sep30 = bill(SEP_30);

        assertFilesAreTheWorkedExample(sep30.folder(), SEP_30);
        assertThat(ledger()).containsExactly("20260930-clinic-a-T", "20260930-clinic-b-T", "20260930-solo-c-T");
        // not billable (its plan is unknown) before the ledger refused its rows: both said, the unknown plan first
        assertThat(sep30.notBilled()).singleElement().asString().startsWith("clinic-long: plan PPP")
                .contains(" is not in the plan catalogue; the ledger refused its rows: Value too long for column");
        assertThat(Files.readString(sep30.folder().resolve("summary.json")))
                .contains("{\"orgId\": \"clinic-long\", \"reason\": \"plan PPP")
                .contains(" is not in the plan catalogue; the ledger refused its rows: Value too long");
        assertOneOrganisationReadsMatchTheWholeDate(SEP_30);
    }
}
