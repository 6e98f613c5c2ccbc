package org.seatreconciler.local.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.seatreconciler.batch.files.AtomicFiles;

/**
 * Writes {@code <out>/run-summary.json}: eventsRead, eventsApplied, duplicatesIgnored, eventsRejected
 * (reason -> count, sorted), whether the dates were only previewed, then per billing date the organisations,
 * invoice lines, totals per currency, the renewal change per currency, the rows to review and the organisations
 * not billed ({@code {orgId, reason}}, as in the date's summary.json, DESIGN.md section 6). No wall-clock time
 * inside, so the same input gives the same bytes.
 */
public final class RunSummaryFile {

    public static final String FILE_NAME = "run-summary.json";
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

    private RunSummaryFile() {
    }

    public static Path write(Path outDir, RunSummary summary) {
        Path target = outDir.resolve(FILE_NAME);
        try {
            AtomicFiles.write(target, (toJson(summary) + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + target + ": " + e.getMessage(), e);
        }
        return target;
    }

    static String toJson(RunSummary summary) {
        ObjectNode root = JSON.createObjectNode()
                .put("eventsRead", summary.eventsRead())
                .put("eventsApplied", summary.eventsApplied())
                .put("duplicatesIgnored", summary.duplicatesIgnored());
        ObjectNode rejected = root.putObject("eventsRejected");
        summary.eventsRejected().forEach(rejected::put);
        root.put("preview", summary.preview());
        ArrayNode dates = root.putArray("dates");
        for (DateResult date : summary.dates()) {
            ObjectNode node = dates.addObject()
                    .put("date", date.date().toString())
                    .put("organisations", date.organisations())
                    .put("invoiceLines", date.invoiceLines());
            ObjectNode totals = node.putObject("totals");
            date.totals().forEach(totals::put);
            ObjectNode renewalChange = node.putObject("renewalChange");
            date.renewalChange().forEach(renewalChange::put);
            node.put("reviewRows", date.reviewRows());
            ArrayNode notBilled = node.putArray("notBilled");
            date.notBilled().forEach(org -> notBilled.addObject().put("orgId", org.orgId()).put("reason", org.reason()));
        }
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the run summary as JSON", e);
        }
    }
}
