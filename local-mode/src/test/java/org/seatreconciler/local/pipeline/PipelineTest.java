package org.seatreconciler.local.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seatreconciler.local.cli.Command;
import org.seatreconciler.local.cli.SeatBasis;
import org.seatreconciler.local.output.DateResult;

/**
 * The worked example through the real pipeline and a real local broker, with stand-ins for the two
 * apps: the summary must combine the import's rejections with the topology's counts, the rejections
 * file must hold both kinds, and the dates must be billed in order, after everything was processed.
 */
class PipelineTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void workedExampleGivesTheExpectedSummaryAndRejections() throws Exception {
        Path example = Path.of(PipelineTest.class.getResource("/worked-example/events.jsonl").toURI()).getParent();
        Path out = dir.resolve("out");
        List<LocalDate> billed = new ArrayList<>();
        List<Outcomes> seenWhenBilling = new ArrayList<>();
        List<FakeStreamsRuntime> runtimes = new ArrayList<>();
        Components components = new Components(
                settings -> {
                    assertThat(settings.schemaRegistryUrl()).startsWith("mock://local-");
                    FakeStreamsRuntime runtime = new FakeStreamsRuntime(settings);
                    runtimes.add(runtime);
                    return runtime;
                },
                settings -> new NightlyJob() {
                    @Override
                    public DateResult bill(LocalDate date) {
                        billed.add(date);
                        seenWhenBilling.add(runtimes.get(0).outcomes());
                        return DateResult.of(date, 3, 3, Map.of("USD", new BigDecimal("30.00")), List.of());
                    }

                    @Override
                    public void close() {
                    }
                },
                DefaultComponents.planCodes(), Duration.ofSeconds(60));
        ByteArrayOutputStream console = new ByteArrayOutputStream();

        RunReport report = new Pipeline(components, new PrintStream(console, true, StandardCharsets.UTF_8)).run(
                new Command.Run(example.resolve("events.jsonl"), Optional.of(example.resolve("plans.csv")),
                        LocalDate.parse("2026-09-30"), LocalDate.parse("2026-10-02"), SeatBasis.END_OF_DAY, ZoneOffset.UTC, out));

        JsonNode expected = JSON.readTree(example.resolve("expected/run-summary.json").toFile());
        JsonNode actual = JSON.readTree(out.resolve("run-summary.json").toFile());
        for (String field : List.of("eventsRead", "eventsApplied", "duplicatesIgnored", "eventsRejected")) {
            assertThat(actual.get(field)).as(field).isEqualTo(expected.get(field));
        }
        assertThat(report.summary().eventsRead()).isEqualTo(44);

        assertThat(billed).containsExactly(LocalDate.parse("2026-09-30"), LocalDate.parse("2026-10-01"), LocalDate.parse("2026-10-02"));
        // billing started only once every published event was processed
        assertThat(seenWhenBilling.get(0).applied() + seenWhenBilling.get(0).duplicates()).isEqualTo(40);

        List<JsonNode> rejections = Files.readAllLines(out.resolve("rejected-events.jsonl")).stream().map(PipelineTest::parse).toList();
        assertThat(rejections).extracting(r -> r.get("source").asText() + " " + r.get("reason").asText()
                        + " " + (r.has("line") ? r.get("line").asText() : r.get("eventId").asText()))
                .containsExactly("input MALFORMED 43", "input MALFORMED 44",
                        "topology SELF_ROLE_CHANGE ex-036", "topology UNAUTHORIZED_ROLE_CHANGE ex-037");
        assertThat(rejections.get(1).get("original").asText()).isEqualTo("this line is not JSON");
        assertThat(rejections.get(0).get("detail").asText()).startsWith("unknown type 'MEMBER_JOINED'");
        assertThat(rejections.get(2).get("event").get("actorId").asText()).isEqualTo("a-sup-05");
        assertThat(rejections.get(2).get("offset").asLong()).isEqualTo(35);

        try (var files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted())
                    .containsExactly("rejected-events.jsonl", "run-summary.json");
        }
        assertThat(console.toString(StandardCharsets.UTF_8)).contains("Billed 2026-10-02: 3 organisation(s), 3 invoice line(s), 30.00 USD");
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (Exception e) {
            throw new AssertionError(line, e);
        }
    }
}
