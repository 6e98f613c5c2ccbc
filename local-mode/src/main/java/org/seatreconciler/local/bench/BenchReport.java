package org.seatreconciler.local.bench;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;

/** Every figure of one bench run, for the text report and the JSON file. */
record BenchReport(Workload workload, Optional<Measured<PipelineFigures>> pipeline, List<Measured<Layout>> layouts,
                   List<Measured<LatencyRun.LatencyResult>> latency,
                   Optional<Measured<ScaleRuns.StreamsMemory>> streamsMemory,
                   Optional<Measured<ScaleRuns.NightMemory>> night) {

    BenchReport {
        layouts = List.copyOf(layouts);
        latency = List.copyOf(latency);
    }

    /**
     * What was measured, on what: the generated events, the machine, the topology's commit interval and
     * the Kafka Streams settings the bench set over the app's own.
     */
    record Workload(long events, int orgs, int days, int cores, String java, Duration commitInterval,
                    java.util.Map<String, String> streamsProperties) {

        Workload {
            streamsProperties = new java.util.TreeMap<>(streamsProperties);
        }
    }

    /**
     * The local pipeline on the generated events (import overlapping the topology, then the nightly job).
     *
     * @param orgDates organisations times billing dates
     */
    record PipelineFigures(long eventsRead, Duration publishing, Duration processing, Duration billing, long orgDates,
                           long applied, long duplicates, SortedMap<String, Long> rejected) {
    }

    /** Figures with the machine's load averages just before and just after they were measured. */
    record Measured<T>(T figures, Optional<LoadAverage> loadBefore, Optional<LoadAverage> loadAfter) {

        static <T> Measured<T> of(java.util.function.Supplier<T> measurement) {
            Optional<LoadAverage> before = LoadAverage.now();
            T figures = measurement.get();
            return new Measured<>(figures, before, LoadAverage.now());
        }

        String load() {
            return "load average " + loadBefore.map(LoadAverage::toString).orElse("?") + " before, "
                    + loadAfter.map(LoadAverage::toString).orElse("?") + " after";
        }
    }
}
