package org.seatreconciler.local.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BenchTextTest {

    @Test
    void thePipelineLinesKeepTheShapeScriptsRead() {
        assertThat(BenchText.pipeline(BenchReportFixture.WORKLOAD, BenchReportFixture.pipeline())).containsExactly(
                "Benchmark: 200,000 events, 2,000 organisations, 3 billing date(s); 2 cores, Java 17.0.15",
                "  import + publish      4.0 s      50,000 events/s",
                "  streams topology     10.0 s      20,000 events/s  (publish start to no lag)",
                "  nightly job           3.0 s       2,000 organisations/s  (3 date(s))",
                "  outcome: 190,000 applied, 7,600 duplicates ignored, rejected {MALFORMED=400, SELF_ROLE_CHANGE=2000}",
                "  (load average 1.50 1.25 1.00 before, 2.00 1.50 1.00 after)");
    }

    @Test
    void aLayoutWithItsRatios() {
        BenchReport report = BenchReportFixture.full();

        assertThat(BenchText.layout(report.workload(), report.layouts().get(0))).containsExactly(
                "Side by side, 1 partition(s) per topic, 1 stream thread(s), 199,600 records of 62 B, exactly_once_v2, "
                        + "commit.interval.ms=1000 (load average 1.50 1.25 1.00 before, 2.00 1.50 1.00 after):",
                "  P  producer, idempotent, acks=all     100,000 records/s",
                "  Q  pass-through Streams app         39,920 records/s from start to no lag (5.0 s);     50,000/s after its first commit (2.0 s after start); "
                        + "CPU 120 us per record, 96 us after the first commit",
                "  topology replay, this JVM           16,633 events/s from start to no lag (12.0 s);     20,000/s after its first commit (2.0 s after start); "
                        + "CPU 120 us per record, 96 us after the first commit",
                "  topology/P 20%  topology/Q 40%  (steady rates)",
                "  the topology wrote 4.00 records per event, member-state-store-changelog 1.00, seats.org-counts 1.00, "
                        + "seats.org-daily 2.00",
                "  after the first commit the stream thread(s) were on a core 90% of the time in the topology, 45% in Q "
                        + "(CPU time over wall time and 1 thread(s); near 100%: bound by the stream threads, not the broker)",
                "  topology replay, production jar      7,984 events/s from start to no lag (25.0 s);     15,000/s after its first commit (12.0 s after start); "
                        + "CPU 120 us per record, 96 us after the first commit",
                "  jar/P 8%  (from process start to no lag)");
    }

    @Test
    void aReplayTooShortForASteadyRateSaysSo() {
        BenchReport report = BenchReportFixture.withoutOptionalRuns();

        assertThat(BenchText.layout(report.workload(), report.layouts().get(0))).contains(
                "  Q  pass-through Streams app         99,800 records/s from start to no lag (2.0 s); done within 1 s of "
                        + "its first commit (1.5 s after start); CPU 10 us per record",
                "  topology/P 17%  topology/Q 17%  (rates from start: a replay ended within 1 s of its first commit; "
                        + "more --events give steady ones)");
    }

    @Test
    void latency() {
        assertThat(BenchText.latency(BenchReportFixture.full().latency().get(0), false)).containsExactly(
                "Latency, commit.interval.ms=100, 5,000 events/s for 60 s (sent at 5,000/s), send to seats.org-counts "
                        + "(read_committed): p50 80 ms  p99 240 ms  max 410 ms  (300,000 events, 0 not seen; "
                        + "load average 1.50 1.25 1.00 before, 2.00 1.50 1.00 after)");
    }

    @Test
    void memoryRuns() {
        BenchReport report = BenchReportFixture.full();

        assertThat(BenchText.streamsMemory(report.streamsMemory().orElseThrow())).containsExactly(
                "Memory, streams app jar with -Xmx512m, 10,000,000 active members in 100,000 organisations: live heap "
                        + "210 MB after a full GC at the end, at most 480 MB in use (GC log, 420 collections); RSS 1,400 MB, "
                        + "peak 1,650 MB; replayed in 900.0 s, 11,111 events/s (load average 1.50 1.25 1.00 before, "
                        + "2.00 1.50 1.00 after)");
        assertThat(BenchText.night(report.night().orElseThrow())).containsExactly(
                "Night, nightly job jar with -Xmx512m, 1,000,000 organisations, 1 date: FAILED (exit 1) after 95.0 s from "
                        + "process start, 1,000,000 invoice lines; heap at most 500 MB in use (GC log, 80 collections), peak RSS 900 MB "
                        + "(load average 1.50 1.25 1.00 before, 2.00 1.50 1.00 after)",
                "  first error: ERROR ... writeBillingFiles | java.lang.OutOfMemoryError: Java heap space",
                "  Step: [bill] executed in 1m20s",
                "  then --explain night-0500000 of that date with -Xmx512m: explained after 4.3 s from process start; "
                        + "heap at most 61 MB in use (GC log, 3 collections), peak RSS 310 MB",
                "  then --preview of that date with -Xmx512m: FAILED (exit 1) after 21.0 s from process start; heap at "
                        + "most 511 MB in use (GC log, 40 collections), peak RSS 780 MB",
                "    first error: ERROR ... java.lang.OutOfMemoryError: Java heap space");
    }

    @Test
    void aMissingRatioIsNotApplicable() {
        assertThat(BenchText.percent(Double.NaN)).isEqualTo("n/a");
        assertThat(BenchText.percent(0.304)).isEqualTo("30%");
    }
}
