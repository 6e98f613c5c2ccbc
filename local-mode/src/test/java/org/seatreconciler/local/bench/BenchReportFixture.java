package org.seatreconciler.local.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/** A bench report with known figures, every section present or every optional one absent. */
final class BenchReportFixture {

    static final BenchReport.Workload WORKLOAD = new BenchReport.Workload(200_000, 2_000, 3, 2, "17.0.15",
            Duration.ofSeconds(1), java.util.Map.of());

    /** Records written during the replay of 199,600 events: 399,200 + 199,600 + 199,600 = 4 per event. */
    static final java.util.SortedMap<String, Long> WRITES = new TreeMap<>(java.util.Map.of("seats.org-daily", 399_200L,
            "member-state-store-changelog", 199_600L, "seats.org-counts", 199_600L));

    private BenchReportFixture() {
    }

    static <T> BenchReport.Measured<T> measured(T figures) {
        return new BenchReport.Measured<>(figures, Optional.of(new LoadAverage(1.5, 1.25, 1.0)),
                Optional.of(new LoadAverage(2.0, 1.5, 1.0)));
    }

    static BenchReport.Measured<BenchReport.PipelineFigures> pipeline() {
        TreeMap<String, Long> rejected = new TreeMap<>();
        rejected.put("MALFORMED", 400L);
        rejected.put("SELF_ROLE_CHANGE", 2_000L);
        return measured(new BenchReport.PipelineFigures(200_000, Duration.ofSeconds(4), Duration.ofSeconds(10),
                Duration.ofSeconds(3), 6_000, 190_000, 7_600, rejected));
    }

    /** A replay whose stream threads were not measured (the app in its own JVM). */
    static ReplayTiming.Replay replay(long records, int totalSeconds, int firstCommitSeconds, double rate, double steady) {
        return replay(records, totalSeconds, firstCommitSeconds, rate, steady, Double.NaN);
    }

    /** A replay in this JVM, whose stream threads' CPU time was measured. */
    static ReplayTiming.Replay replay(long records, int totalSeconds, int firstCommitSeconds, double rate, double steady,
                                      double streamThreadsOnCore) {
        return new ReplayTiming.Replay(records, Duration.ofSeconds(totalSeconds), Duration.ofSeconds(firstCommitSeconds),
                rate, steady, 120.0, 95.5, streamThreadsOnCore);
    }

    static BenchReport full() {
        Layout layout = new Layout(1, 1, 199_600, 61.5, 100_000, replay(199_600, 5, 2, 39_920, 50_000, 0.45),
                replay(199_600, 12, 2, 16_633, 20_000, 0.9), WRITES, Optional.of(replay(199_600, 25, 12, 7_984, 15_000)));
        LatencyRun.LatencyResult latency = new LatencyRun.LatencyResult(Duration.ofMillis(100), 5_000,
                Duration.ofSeconds(60), 4_999.5, new LatencyRecorder.Summary(300_000, 0, Duration.ofMillis(80),
                Duration.ofMillis(240), Duration.ofMillis(410)));
        ScaleRuns.StreamsMemory streams = new ScaleRuns.StreamsMemory(10_000_000, 100_000,
                replay(10_000_000, 900, 15, 11_111, 11_300), new GcLog(420, 480, 300, 210, 512), new ProcStatus(1_400, 1_650));
        ScaleRuns.NightMemory night = new ScaleRuns.NightMemory(1_000_000, new ScaleRuns.JobRun(Duration.ofSeconds(95),
                1, Optional.of("ERROR ... writeBillingFiles | java.lang.OutOfMemoryError: Java heap space"),
                Path.of("night.log"), new GcLog(80, 500, 350, 120, 512), 900),
                List.of("Step: [bill] executed in 1m20s"), 1_000_000, "night-0500000", new ScaleRuns.JobRun(Duration.ofMillis(4_250), 0, Optional.empty(), Path.of("explain.log"),
                        new GcLog(3, 61, 20, 20, 512), 310),
                new ScaleRuns.JobRun(Duration.ofSeconds(21), 1, Optional.of("ERROR ... java.lang.OutOfMemoryError: Java heap space"),
                        Path.of("preview.log"), new GcLog(40, 511, 505, 505, 512), 780));
        return new BenchReport(WORKLOAD, Optional.of(pipeline()), List.of(measured(layout)), List.of(measured(latency)),
                Optional.of(measured(streams)), Optional.of(measured(night)));
    }

    static BenchReport withoutOptionalRuns() {
        ReplayTiming.Replay shortPassThrough = new ReplayTiming.Replay(199_600, Duration.ofSeconds(2),
                Duration.ofMillis(1_500), 99_800, Double.NaN, 10.0, Double.NaN, Double.NaN);
        Layout layout = new Layout(4, 2, 199_600, 61.5, 100_000, shortPassThrough,
                replay(199_600, 12, 2, 16_633, 20_000), WRITES, Optional.empty());
        return new BenchReport(WORKLOAD, Optional.of(pipeline()), List.of(measured(layout)), List.of(), Optional.empty(),
                Optional.empty());
    }
}
