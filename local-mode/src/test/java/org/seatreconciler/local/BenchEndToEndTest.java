package org.seatreconciler.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seatreconciler.local.pipeline.DefaultComponents;

/**
 * {@code bench} end to end on a tiny workload with the real parts (two local brokers, the streams app in
 * this JVM, the nightly job): every part runs and reports the work it did. Counts are checked, never
 * times: rates belong to the bench's output, not to a test.
 */
class BenchEndToEndTest {

    @TempDir
    Path dir;

    @Test
    void everyPartRunsOnTheSameRecords() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ReconcilerCli cli = new ReconcilerCli(DefaultComponents.create(), dir, Clock.systemUTC(),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        int status = cli.execute("bench", "--events", "3000", "--orgs", "60", "--days", "1", "--partitions", "2",
                "--latency-rate", "200", "--latency-seconds", "1", "--json", "bench.json");

        String console = err.toString(StandardCharsets.UTF_8);
        assertThat(status).as(console).isZero();
        JsonNode figures = new ObjectMapper().readTree(dir.resolve("bench.json").toFile());
        JsonNode pipeline = figures.path("pipeline");
        long malformed = pipeline.path("rejected").path("MALFORMED").asLong();
        long selfRoleChanges = pipeline.path("rejected").path("SELF_ROLE_CHANGE").asLong();
        long applied = pipeline.path("applied").asLong();
        long duplicates = pipeline.path("duplicates").asLong();
        assertThat(pipeline.path("eventsRead").asLong()).isEqualTo(3_000);
        assertThat(applied + duplicates + malformed + selfRoleChanges).isEqualTo(3_000);
        assertThat(malformed).isPositive();

        // the side-by-side figures replay exactly the events the import published
        JsonNode layout = figures.path("layouts").get(0);
        assertThat(figures.path("layouts")).hasSize(1);
        assertThat(layout.path("partitions").asInt()).isEqualTo(2);
        assertThat(layout.path("threads").asInt()).isEqualTo(2);
        assertThat(layout.path("records").asLong()).isEqualTo(3_000 - malformed);
        assertThat(layout.path("passThrough").path("records").asLong()).isEqualTo(3_000 - malformed);
        assertThat(layout.path("topology").path("records").asLong()).isEqualTo(3_000 - malformed);
        assertThat(layout.path("productionJar").isNull()).isTrue();
        // with the same outcome as the pipeline's topology
        assertThat(console).contains(String.format(Locale.ROOT, "    %,d applied, %,d duplicates, rejected {SELF_ROLE_CHANGE=%d}",
                applied, duplicates, selfRoleChanges));
        // a record per organisation-day (60 organisations, 1 day) and commit at most, plus a transaction marker per
        // partition and commit: far fewer than the applied events, each of which changes its organisation's day
        assertThat(layout.path("topologyWrites").path("seats.org-daily").asLong()).isGreaterThanOrEqualTo(60)
                .isLessThan(applied);

        assertThat(figures.path("latency")).hasSize(2);
        assertThat(figures.path("latency").get(0).path("commitIntervalMs").asLong())
                .isEqualTo(figures.path("workload").path("commitIntervalMs").asLong());
        assertThat(figures.path("latency").get(1).path("commitIntervalMs").asLong()).isEqualTo(100);
        for (JsonNode latency : figures.path("latency")) {
            assertThat(latency.path("events").asLong()).isEqualTo(200);
            assertThat(latency.path("unseen").asLong()).isZero();
        }
        assertThat(figures.path("memory").toString()).isEqualTo("{\"streams\":null,\"night\":null}");
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("Benchmark: 3,000 events, 60 organisations, "
                + "1 billing date(s);");
    }
}
