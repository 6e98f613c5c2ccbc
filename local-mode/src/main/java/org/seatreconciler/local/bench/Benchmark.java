package org.seatreconciler.local.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.seatreconciler.local.broker.LocalKafkaBroker;
import org.seatreconciler.local.broker.TempDirectory;
import org.seatreconciler.local.cli.Command;
import org.seatreconciler.batch.billing.SeatBasis;
import org.seatreconciler.local.output.RunSummary;
import org.seatreconciler.local.pipeline.Components;
import org.seatreconciler.local.pipeline.Pipeline;
import org.seatreconciler.local.pipeline.RunReport;

/**
 * {@code reconciler bench}: the whole local pipeline on generated events, then, on one broker of its own
 * and with the same records, the figures that say what those rates are worth: the broker's produce rate
 * (P), a pass-through Kafka Streams app's (Q) and the topology replaying the history, per topic layout;
 * the latency from an event's send to its count at a fixed rate; on request the production jars' replay
 * and memory at scale. Every block is printed with the load average it ran under.
 */
public final class Benchmark {

    private static final LocalDate FIRST_DAY = LocalDate.of(2026, 10, 30);

    private final Components components;
    private final PrintStream out;
    private final PrintStream console;

    public Benchmark(Components components, PrintStream out, PrintStream console) {
        this.components = components;
        this.out = out;
        this.console = console;
    }

    public void run(Command.Bench bench) {
        AppTuning tuning = new AppTuning(bench.streamsProperties());
        BenchReport.Workload workload = new BenchReport.Workload(bench.events(), bench.orgs(), bench.days(),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), tuning.commitInterval(),
                bench.streamsProperties());
        try (TempDirectory work = TempDirectory.create("reconciler-bench-")) {
            Path events = work.path().resolve("events.jsonl");
            console.println("Generating " + bench.events() + " events for " + bench.orgs() + " organisations over "
                    + bench.days() + " day(s) ...");
            BenchData.write(events, bench.events(), bench.orgs(), FIRST_DAY, bench.days(), ZoneOffset.UTC);

            Optional<BenchReport.Measured<BenchReport.PipelineFigures>> pipeline = Optional.empty();
            if (bench.runs(Command.BenchPart.PIPELINE)) {
                pipeline = Optional.of(BenchReport.Measured.of(() -> pipeline(bench, events, work.path().resolve("out"))));
                BenchText.pipeline(workload, pipeline.get()).forEach(out::println);
            }

            BenchReport report = sideBySide(bench, tuning, workload, pipeline, events, work);
            bench.json().ifPresent(file -> write(file, BenchJson.of(report)));
        }
    }

    private BenchReport.PipelineFigures pipeline(Command.Bench bench, Path events, Path outDir) {
        LocalDate lastDay = FIRST_DAY.plusDays(bench.days() - 1L);
        RunReport report = new Pipeline(components, console).run(new Command.Run(events, Optional.empty(), FIRST_DAY,
                lastDay, SeatBasis.END_OF_DAY, ZoneOffset.UTC, outDir, false));
        RunSummary s = report.summary();
        RunReport.Timings t = report.timings();
        return new BenchReport.PipelineFigures(s.eventsRead(), t.publishing(), t.processing(), t.billing(),
                (long) bench.orgs() * s.dates().size(), s.eventsApplied(), s.duplicatesIgnored(), s.eventsRejected());
    }

    private BenchReport sideBySide(Command.Bench bench, AppTuning tuning, BenchReport.Workload workload,
                                   Optional<BenchReport.Measured<BenchReport.PipelineFigures>> pipeline, Path events,
                                   TempDirectory work) {
        console.println("Starting the broker for the side-by-side figures ...");
        try (LocalKafkaBroker broker = LocalKafkaBroker.start();
             BenchBroker side = new BenchBroker(broker, work.path().resolve("side"))) {
            History history = History.of(events, side.registry(), "p.hr.membership-events");
            CeilingRun ceilings = new CeilingRun(side, history, bench.jars(), tuning, console);
            List<BenchReport.Measured<Layout>> layouts = new ArrayList<>();
            for (int partitions : bench.runs(Command.BenchPart.CEILINGS) ? bench.partitions() : List.<Integer>of()) {
                BenchReport.Measured<Layout> layout = BenchReport.Measured.of(
                        () -> ceilings.measure(partitions, bench.threadsFor(partitions)));
                BenchText.layout(workload, layout).forEach(out::println);
                layouts.add(layout);
            }

            List<BenchReport.Measured<LatencyRun.LatencyResult>> latency = new ArrayList<>();
            if (bench.runs(Command.BenchPart.LATENCY)) {
                int partitions = bench.partitions().get(0);
                LatencyRun run = new LatencyRun(side, bench.orgs(), tuning, console);
                for (Optional<Duration> commits : List.of(Optional.<Duration>empty(), Optional.of(Duration.ofMillis(100)))) {
                    BenchReport.Measured<LatencyRun.LatencyResult> result = BenchReport.Measured.of(
                            () -> run.measure(bench.latency(), partitions, bench.threadsFor(partitions), commits));
                    BenchText.latency(result, commits.isEmpty()).forEach(out::println);
                    latency.add(result);
                }
            }

            ScaleRuns scale = new ScaleRuns(side, bench.jars(), tuning, console);
            int partitions = bench.partitions().get(bench.partitions().size() - 1);
            Optional<BenchReport.Measured<ScaleRuns.StreamsMemory>> streamsMemory = Optional.empty();
            if (bench.scale().members() > 0) {
                streamsMemory = Optional.of(BenchReport.Measured.of(
                        () -> scale.streams(bench.scale().members(), partitions, bench.threadsFor(partitions))));
                BenchText.streamsMemory(streamsMemory.get()).forEach(out::println);
            }
            Optional<BenchReport.Measured<ScaleRuns.NightMemory>> night = Optional.empty();
            if (bench.scale().nightOrgs() > 0) {
                night = Optional.of(BenchReport.Measured.of(() -> scale.night(bench.scale().nightOrgs(),
                        bench.scale().nightLedger(), partitions, FIRST_DAY)));
                BenchText.night(night.get()).forEach(out::println);
            }
            return new BenchReport(workload, pipeline, layouts, latency, streamsMemory, night);
        }
    }

    private void write(Path file, String json) {
        try {
            Files.writeString(file, json);
            console.println("Figures written to " + file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
