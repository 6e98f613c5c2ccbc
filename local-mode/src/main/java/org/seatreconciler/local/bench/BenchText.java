package org.seatreconciler.local.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The bench's report lines. The first five (the pipeline's) keep their shape: scripts read them. The
 * side-by-side figures follow, each block with the load average it was measured under.
 */
final class BenchText {

    private BenchText() {
    }

    static List<String> pipeline(BenchReport.Workload w, BenchReport.Measured<BenchReport.PipelineFigures> measured) {
        BenchReport.PipelineFigures p = measured.figures();
        int dates = w.days();
        return List.of(
                f("Benchmark: %,d events, %,d organisations, %d billing date(s); %d cores, Java %s", w.events(), w.orgs(),
                        dates, w.cores(), w.java()),
                f("  import + publish  %7.1f s  %,10.0f events/s", secs(p.publishing()),
                        Rates.perSecond(p.eventsRead(), p.publishing())),
                f("  streams topology  %7.1f s  %,10.0f events/s  (publish start to no lag)", secs(p.processing()),
                        Rates.perSecond(p.eventsRead(), p.processing())),
                f("  nightly job       %7.1f s  %,10.0f organisations/s  (%d date(s))", secs(p.billing()),
                        Rates.perSecond(p.orgDates(), p.billing()), dates),
                f("  outcome: %,d applied, %,d duplicates ignored, rejected %s", p.applied(), p.duplicates(), p.rejected()),
                "  (" + measured.load() + ")");
    }

    static List<String> layout(BenchReport.Workload w, BenchReport.Measured<Layout> measured) {
        Layout l = measured.figures();
        List<String> lines = new ArrayList<>();
        lines.add(f("Side by side, %d partition(s) per topic, %d stream thread(s), %,d records of %.0f B, exactly_once_v2, "
                + "commit.interval.ms=%d%s (%s):", l.partitions(), l.threads(), l.records(), l.valueBytes(),
                w.commitInterval().toMillis(), w.streamsProperties().isEmpty() ? "" : ", " + w.streamsProperties(),
                measured.load()));
        lines.add(f("  P  producer, idempotent, acks=all  %,10.0f records/s", l.producerRate()));
        lines.add(replay("  Q  pass-through Streams app     ", l.passThrough(), "records"));
        lines.add(replay("  topology replay, this JVM       ", l.topology(), "events"));
        lines.add(f("  topology/P %s  topology/Q %s  (%s)", percent(l.topologyOverProducer()),
                percent(l.topologyOverPassThrough()), l.steadyRatios() ? "steady rates"
                        : "rates from start: a replay ended within 1 s of its first commit; more --events give steady ones"));
        StringBuilder writes = new StringBuilder();
        l.topologyWrites().forEach((topic, count) -> writes.append(f(", %s %.2f", topic, count / (double) l.records())));
        lines.add(f("  the topology wrote %.2f records per event%s", l.writesPerEvent(), writes));
        if (!Double.isNaN(l.topology().streamThreadsOnCore())) {
            lines.add(f("  after the first commit the stream thread(s) were on a core %s of the time in the topology, %s in Q "
                    + "(CPU time over wall time and %d thread(s); near 100%%: bound by the stream threads, not the broker)",
                    percent(l.topology().streamThreadsOnCore() / l.threads()),
                    percent(l.passThrough().streamThreadsOnCore() / l.threads()), l.threads()));
        }
        l.jar().ifPresent(j -> {
            lines.add(replay("  topology replay, production jar ", j, "events"));
            lines.add(f("  jar/P %s  (from process start to no lag)", percent(l.jarOverProducer())));
        });
        return lines;
    }

    static List<String> latency(BenchReport.Measured<LatencyRun.LatencyResult> measured, boolean appDefault) {
        LatencyRun.LatencyResult r = measured.figures();
        LatencyRecorder.Summary s = r.latency();
        return List.of(f("Latency, commit.interval.ms=%d%s, %,d events/s for %d s (sent at %,.0f/s), send to "
                        + "seats.org-counts (read_committed): p50 %,d ms  p99 %,d ms  max %,d ms  (%,d events, %,d not seen; %s)",
                r.commitInterval().toMillis(), appDefault ? " (the app's)" : "", r.targetRate(), r.duration().toSeconds(),
                r.achievedRate(), s.p50().toMillis(), s.p99().toMillis(), s.max().toMillis(), s.events(), s.unseen(),
                measured.load()));
    }

    static List<String> streamsMemory(BenchReport.Measured<ScaleRuns.StreamsMemory> measured) {
        ScaleRuns.StreamsMemory m = measured.figures();
        return List.of(f("Memory, streams app jar with %s, %,d active members in %,d organisations: live heap %,d MB "
                        + "after a full GC at the end, at most %,d MB in use (GC log, %d collections); RSS %,d MB, "
                        + "peak %,d MB; replayed in %.1f s, %,.0f events/s (%s)",
                ScaleRuns.HEAP, m.members(), m.orgs(), m.gc().lastAfterMb(), m.gc().peakBeforeMb(), m.gc().collections(),
                m.proc().rssMb(), m.proc().peakRssMb(), secs(m.replay().total()), m.replay().rate(), measured.load()));
    }

    static List<String> night(BenchReport.Measured<ScaleRuns.NightMemory> measured) {
        ScaleRuns.NightMemory night = measured.figures();
        ScaleRuns.JobRun n = night.night();
        List<String> lines = new ArrayList<>();
        lines.add(f("Night, nightly job jar with %s, %,d organisations, 1 date: %s after %.1f s from process start, "
                        + "%s; heap at most %,d MB in use (GC log, %d collections), peak RSS %,d MB (%s)",
                ScaleRuns.HEAP, night.orgs(), n.exitStatus() == 0 ? "billed" : "FAILED (exit " + n.exitStatus() + ")",
                secs(n.wall()), night.invoiceLines() < 0 ? "no invoices.csv" : f("%,d invoice lines", night.invoiceLines()),
                n.gc().peakBeforeMb(), n.gc().collections(), n.peakRssMb(), measured.load()));
        n.firstError().ifPresent(error -> lines.add("  first error: " + error));
        night.steps().forEach(step -> lines.add("  " + step));
        lines.addAll(oneShot("--explain " + night.explainedOrg() + " of that date", night.explain(), "explained"));
        lines.addAll(oneShot("--preview of that date", night.preview(), "previewed"));
        return lines;
    }

    private static List<String> oneShot(String what, ScaleRuns.JobRun run, String done) {
        List<String> lines = new ArrayList<>();
        lines.add(f("  then %s with %s: %s after %.1f s from process start; heap at most %,d MB in use (GC log, %d "
                        + "collections), peak RSS %,d MB", what, ScaleRuns.HEAP,
                run.exitStatus() == 0 ? done : "FAILED (exit " + run.exitStatus() + ")", secs(run.wall()),
                run.gc().peakBeforeMb(), run.gc().collections(), run.peakRssMb()));
        run.firstError().ifPresent(error -> lines.add("    first error: " + error));
        return lines;
    }

    private static String replay(String label, ReplayTiming.Replay r, String unit) {
        String start = f("%s%,10.0f %s/s from start to no lag (%.1f s); ", label, r.rate(), unit, secs(r.total()));
        if (Double.isNaN(r.steadyRate())) {
            return start + f("done within 1 s of its first commit (%.1f s after start); CPU %.0f us per record",
                    secs(r.untilFirstCommit()), r.cpuMicros());
        }
        return start + f("%,10.0f/s after its first commit (%.1f s after start); CPU %.0f us per record, %.0f us "
                + "after the first commit", r.steadyRate(), secs(r.untilFirstCommit()), r.cpuMicros(), r.steadyCpuMicros());
    }

    static String percent(double ratio) {
        return Double.isNaN(ratio) ? "n/a" : f("%.0f%%", ratio * 100);
    }

    private static double secs(Duration d) {
        return d.toMillis() / 1000.0;
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
