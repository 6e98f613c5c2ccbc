package org.seatreconciler.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seatreconciler.local.pipeline.DefaultComponents;

/**
 * {@code run} end to end with the real parts: a local KRaft broker, the streams app and the nightly job
 * started in this JVM, on DESIGN.md's worked example. The files must equal the expected ones byte for
 * byte, and the run summary must give the expected figures.
 */
class WorkedExampleEndToEndTest {

    private static final List<String> DATES = List.of("2026-09-30", "2026-10-01", "2026-10-02");

    @TempDir
    Path dir;

    @Test
    void runOnTheWorkedExampleGivesTheExpectedFiles() throws Exception {
        Path example = resource("worked-example");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ReconcilerCli cli = new ReconcilerCli(DefaultComponents.create(), dir,
                Clock.fixed(Instant.parse("2026-10-03T08:00:00Z"), ZoneOffset.UTC),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        int status = cli.execute(new String[] {"run", "--events", example.resolve("events.jsonl").toString(),
                "--plans", example.resolve("plans.csv").toString(), "--from", "2026-09-30", "--to", "2026-10-02",
                "--out", "out"});

        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        Path result = dir.resolve("out");
        for (String date : DATES) {
            for (String file : List.of("invoices.csv", "seat-counts.csv", "reconciliation.csv", "review.csv")) {
                assertThat(result.resolve(date).resolve(file))
                        .as(date + "/" + file)
                        .hasBinaryContent(Files.readAllBytes(example.resolve("expected").resolve(date).resolve(file)));
            }
        }
        ObjectMapper json = new ObjectMapper();
        JsonNode expected = json.readTree(example.resolve("expected/run-summary.json").toFile());
        JsonNode summary = json.readTree(result.resolve("run-summary.json").toFile());
        expected.fieldNames().forEachRemaining(field ->
                assertThat(summary.get(field)).as(field).isEqualTo(expected.get(field)));
        List<JsonNode> rejections = Files.readAllLines(result.resolve("rejected-events.jsonl")).stream()
                .map(line -> read(json, line)).toList();
        assertThat(rejections).extracting(r -> r.get("source").asText() + " " + r.get("reason").asText()
                        + " " + (r.has("line") ? r.get("line").asText() : r.get("eventId").asText()))
                .containsExactly("input MALFORMED 43", "input MALFORMED 44",
                        "topology SELF_ROLE_CHANGE ex-036", "topology UNAUTHORIZED_ROLE_CHANGE ex-037");
        assertThat(rejections.get(0).get("detail").asText()).isEqualTo("unknown type 'MEMBER_JOINED', expected one of "
                + "[MEMBER_ADDED, MEMBER_REMOVED, ROLE_CHANGED, ADMIN_CHANGED, OWNER_CHANGED]");
        assertThat(rejections.get(1).get("original").asText()).isEqualTo("this line is not JSON");
        assertThat(rejections.get(2).get("detail").asText())
                .isEqualTo("member a-sup-05 in org clinic-a cannot change their own role");
        assertThat(rejections.get(2).get("event").get("actorId").asText()).isEqualTo("a-sup-05");
        assertThat(rejections.get(2).get("offset").asLong()).isEqualTo(35);
        assertThat(rejections.get(3).get("detail").asText())
                .isEqualTo("role change of member a-sup-06 in org clinic-a: actor a-std-03 is not an admin of the org");
        try (Stream<Path> files = Files.list(result)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted())
                    .containsExactly("2026-09-30", "2026-10-01", "2026-10-02", "rejected-events.jsonl", "run-summary.json");
        }
    }

    private static JsonNode read(ObjectMapper json, String line) {
        try {
            return json.readTree(line);
        } catch (java.io.IOException e) {
            throw new AssertionError(line, e);
        }
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(WorkedExampleEndToEndTest.class.getClassLoader().getResource(name).toURI());
    }
}
