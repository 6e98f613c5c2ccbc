package org.seatreconciler.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seatreconciler.local.pipeline.DefaultComponents;

/**
 * {@code run} on a file with the hostile lines of issue 8 among valid ones, end to end on the real
 * parts: each bad line is rejected with its own line number and the run goes on; the event dated 2099 is
 * rejected by the topology as FUTURE_TIMESTAMP and does not move the organisation's days; only the valid
 * events are billed.
 */
class HostileInputEndToEndTest {

    @TempDir
    Path dir;

    @Test
    void badLinesAreRejectedOneByOneAndTheRestIsBilled() throws Exception {
        String id300 = "o".repeat(300);
        byte[] badUtf8 = "{\"eventId\":\"h-4\",\"type\":\"MEMBER_REMOVED\",\"orgId\":\"org-a\",\"memberId\":\"m-\u00e9\",\"occurredAt\":\"2026-10-01T09:00:00Z\"}"
                .getBytes(StandardCharsets.ISO_8859_1); // é as the single byte 0xE9: not UTF-8
        try (var out = Files.newOutputStream(dir.resolve("events.jsonl"))) {
            out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            out.write(lines(
                    "{\"eventId\":\"h-1\",\"type\":\"MEMBER_ADDED\",\"orgId\":\"org-a\",\"memberId\":\"m-1\",\"role\":\"STANDARD\",\"occurredAt\":\"2026-10-01T08:00:00Z\"}",
                    "{\"eventId\":\"h-2\",\"type\":\"MEMBER_ADDED\",\"orgId\":\"org-x\",\"memberId\":\"m-1\",\"role\":\"STANDARD\",\"occurredAt\":\"2026-10-01T08:00:00Z\"} x",
                    "{\"eventId\":\"h-3\",\"type\":\"MEMBER_ADDED\",\"orgId\":\"org-y\",\"memberId\":\"m-1\",\"role\":\"STANDARD\",\"occurredAt\":\"2026-10-01T08:00:00Z\"}{}"));
            out.write(badUtf8);
            out.write('\n');
            out.write(lines(
                    "{\"eventId\":\"h-5\",\"type\":\"MEMBER_ADDED\",\"orgId\":\"org-a\",\"memberId\":\"m-2\",\"role\":\"STANDARD\",\"occurredAt\":\"2026-10-01T10:00:00Z\"}",
                    "{\"eventId\":\"h-6\",\"type\":\"MEMBER_ADDED\",\"orgId\":\"=HYPERLINK(\\\"http://x\\\")\",\"memberId\":\"m-1\",\"role\":\"STANDARD\",\"occurredAt\":\"2026-10-01T08:00:00Z\"}",
                    "{\"eventId\":\"h-7\",\"type\":\"MEMBER_ADDED\",\"orgId\":\"n\",\"memberId\":\"a\\u0000b\",\"role\":\"STANDARD\",\"occurredAt\":\"2026-10-01T08:00:00Z\"}",
                    "{\"eventId\":\"h-8\",\"type\":\"MEMBER_ADDED\",\"orgId\":\"" + id300 + "\",\"memberId\":\"m-1\",\"role\":\"STANDARD\",\"occurredAt\":\"2026-10-01T08:00:00Z\"}",
                    "{\"eventId\":\"h-9\",\"type\":\"MEMBER_ADDED\",\"orgId\":\"org-a\",\"memberId\":\"m-9\",\"role\":\"STANDARD\",\"occurredAt\":\"2099-01-01T00:00:00Z\"}",
                    "",
                    "{\"eventId\":\"h-11\",\"type\":\"MEMBER_ADDED\",\"orgId\":\"org-a\",\"memberId\":\"m-3\",\"role\":\"SUPPORT\",\"occurredAt\":\"2026-10-02T09:00:00Z\"}"));
        }
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ReconcilerCli cli = new ReconcilerCli(DefaultComponents.create(), dir,
                Clock.fixed(Instant.parse("2026-10-03T08:00:00Z"), ZoneOffset.UTC),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        int status = cli.execute("run", "--events", "events.jsonl", "--from", "2026-10-01", "--to", "2026-10-02",
                "--out", "out");

        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> rejected = Files.readAllLines(dir.resolve("out/rejected-events.jsonl")).stream()
                .map(line -> read(json, line)).toList();
        assertThat(rejected).extracting(r -> r.path("source").asText() + " " + r.path("line").asText() + " "
                + r.path("reason").asText() + ": " + r.path("detail").asText()).containsExactly(
                "input 2 MALFORMED: text after the JSON object (a line must be exactly one JSON object)",
                "input 3 MALFORMED: text after the JSON object (a line must be exactly one JSON object)",
                "input 4 MALFORMED: line is not valid UTF-8: byte 0xE9 at byte 72",
                "input 6 MALFORMED: orgId starts with '=' (U+003D), not a letter or a digit",
                "input 7 MALFORMED: memberId contains U+0000 at position 2 (allowed: letters, digits and . _ : @ + -)",
                "input 8 MALFORMED: orgId is 300 characters long, more than 128",
                "topology  FUTURE_TIMESTAMP: " + rejected.get(6).path("detail").asText());
        assertThat(rejected.get(2).path("original").asText()).contains("\"memberId\":\"m-\uFFFD\"");
        assertThat(rejected.get(6).path("detail").asText())
                .startsWith("occurredAt 2099-01-01T00:00:00Z is more than 24h after the processing time ");
        assertThat(rejected.get(6).path("event").path("eventId").asText()).isEqualTo("h-9");

        JsonNode summary = json.readTree(dir.resolve("out/run-summary.json").toFile());
        assertThat(summary.path("eventsRead").asLong()).isEqualTo(10);
        assertThat(summary.path("eventsApplied").asLong()).isEqualTo(3);
        assertThat(summary.path("duplicatesIgnored").asLong()).isZero();
        assertThat(summary.path("eventsRejected").toString()).isEqualTo("{\"FUTURE_TIMESTAMP\":1,\"MALFORMED\":6}");

        // only org-a, on its own days: the 2099 event moved nothing
        assertThat(Files.readAllLines(dir.resolve("out/2026-10-02/seat-counts.csv"))).containsExactly(
                "billing_date,org_id,standard,support,admins,owners,billable_standard,support_only,total_members,"
                        + "peak_billable_standard,peak_total_members",
                "2026-10-02,org-a,2,1,0,0,2,1,3,2,3");
    }

    private static byte[] lines(String... lines) {
        return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private static JsonNode read(ObjectMapper json, String line) {
        try {
            return json.readTree(line);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
