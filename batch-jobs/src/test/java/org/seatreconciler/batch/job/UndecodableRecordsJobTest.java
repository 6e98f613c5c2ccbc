package org.seatreconciler.batch.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.List;

import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.seatreconciler.batch.BillingRun;
import org.seatreconciler.schemas.Topics;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;

/**
 * Bytes that do not decode on seats.org-daily and billing.org-plans, on the broker beside the worked example:
 * the night reads past them, leaves out (MALFORMED) the organisations they would bill, names each once in the
 * log, and bills every other organisation with the worked example's files. A record of a key replaced by a
 * later readable one, or a day older than the organisation's latest readable one, changes nothing.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = "seats.billing.max-not-billed-share=0.5")
class UndecodableRecordsJobTest extends BillingJobTestSupport {

    private static final LocalDate SEP_29 = LocalDate.of(2026, 9, 29);
    private static final byte[] GARBAGE = "garbage".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SHORT = { 0, 1 };
    private static final String NOT_CONFLUENT = "Unknown magic byte 0x67: not the Confluent wire format (expected 0x00)";
    private static final String TOO_SHORT = "Payload of 2 bytes is shorter than the 5-byte Confluent header (magic "
            + "byte, schema id)";

    @Test
    void undecodableRecordsLeaveOutTheirOrganisationsAndTheNightBillsTheOthers(CapturedOutput output) throws Exception {
        publishWorkedExampleDays();
        // its readable day of 2026-09-30 is later: solo-c is billed from that one
        RecordMetadata soloC = publishRaw(Topics.ORG_DAILY, Topics.dailyKey("solo-c", SEP_29), GARBAGE);
        RecordMetadata clinicX = publishRaw(Topics.ORG_DAILY, Topics.dailyKey("clinic-x", SEP_30), GARBAGE);
        RecordMetadata noKey = publishRaw(Topics.ORG_DAILY, null, SHORT);
        publishDays(List.of(day("clinic-d", SEP_30, 2, 0, 1, 1, 2, 0, 2, 2, 2)));
        RecordMetadata clinicD = publishRaw(Topics.ORG_PLANS, "clinic-d", SHORT);
        publishRaw(Topics.ORG_PLANS, "clinic-b", GARBAGE); // replaced by the readable assignment that follows
        publishWorkedExamplePlans();

        BillingRun sep30 = bill(SEP_30);

        assertFilesAreTheWorkedExample(sep30.folder(), SEP_30);
        assertThat(ledger()).containsExactly("20260930-clinic-a-T", "20260930-clinic-b-T", "20260930-solo-c-T");
        assertThat(sep30.organisations()).isEqualTo(3);
        assertThat(sep30.notBilled()).containsExactly(
                "clinic-d: MALFORMED: the plan record at billing.org-plans partition " + clinicD.partition()
                        + " offset " + clinicD.offset() + " does not decode (" + TOO_SHORT + ")",
                "clinic-x: MALFORMED: the daily record at seats.org-daily partition " + clinicX.partition()
                        + " offset " + clinicX.offset() + " does not decode (" + NOT_CONFLUENT + ")");

        List<String> log = output.getAll().lines().toList();
        assertThat(log.stream().filter(line -> line.contains("of them did not decode")))
                .singleElement().asString().endsWith("for 2026-09-30 .. 2026-09-30; 5 of them did not decode");
        assertThat(log.stream().filter(line -> line.contains("does not decode: ")).map(line -> line.replaceAll(
                "^.*?TopicReads\\s+: ", "")).toList()).containsExactlyInAnyOrder(
                        "Record of seats.org-daily at partition " + soloC.partition() + " offset "
                                + soloC.offset() + " (key solo-c|2026-09-29) does not decode: "
                                + NOT_CONFLUENT + "; organisation solo-c is not billed (MALFORMED) on the dates it "
                                + "would be billed from it",
                        "Record of seats.org-daily at partition " + clinicX.partition() + " offset " + clinicX.offset()
                                + " (key clinic-x|2026-09-30) does not decode: " + NOT_CONFLUENT
                                + "; organisation clinic-x is not billed (MALFORMED) on the dates it would be billed "
                                + "from it",
                        "Record of seats.org-daily at partition " + noKey.partition() + " offset " + noKey.offset()
                                + " (key none) does not decode: " + TOO_SHORT + "; its key names no organisation",
                        "Record of billing.org-plans at partition " + clinicD.partition() + " offset "
                                + clinicD.offset() + " (key clinic-d) does not decode: " + TOO_SHORT
                                + "; organisation clinic-d is not billed (MALFORMED) on the dates it would be billed "
                                + "from it");
        // the next night reads them again, and leaves the same organisations out
        assertThat(bill(OCT_1).notBilled()).isEqualTo(sep30.notBilled());
        assertOneOrganisationReadsMatchTheWholeDate(SEP_30, OCT_1);
        // a preview rendered as it is computed leaves them out as the night did: a billed date, and tonight's
        assertThat(Files.readString(assertRenderedAsComputedIsComputed(SEP_30).resolve("summary.json")))
                .contains("MALFORMED: the daily record at seats.org-daily partition " + clinicX.partition());
        assertRenderedAsComputedIsComputed(OCT_2);
    }
}
