package org.seatreconciler.local.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;

import org.seatreconciler.local.broker.TempDirectory;
import org.seatreconciler.local.cli.Command;
import org.seatreconciler.local.cli.SeatBasis;
import org.seatreconciler.local.output.RunSummary;
import org.seatreconciler.local.pipeline.Components;
import org.seatreconciler.local.pipeline.Pipeline;
import org.seatreconciler.local.pipeline.RunReport;

/**
 * {@code reconciler bench}: the whole local pipeline on generated events, printing how fast each
 * phase went. One broker, one partition per topic, exactly-once, on this machine: a floor for what a
 * real cluster does, and a way to see whether a change made a phase slower.
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
        try (TempDirectory work = TempDirectory.create("reconciler-bench-")) {
            Path events = work.path().resolve("events.jsonl");
            console.println("Generating " + bench.events() + " events for " + bench.orgs() + " organisations over "
                    + bench.days() + " day(s) ...");
            BenchData.write(events, bench.events(), bench.orgs(), FIRST_DAY, bench.days(), ZoneOffset.UTC);
            LocalDate lastDay = FIRST_DAY.plusDays(bench.days() - 1L);
            RunReport report = new Pipeline(components, console).run(new Command.Run(events, Optional.empty(),
                    FIRST_DAY, lastDay, SeatBasis.END_OF_DAY, ZoneOffset.UTC, work.path().resolve("out"), false));
            print(bench, report);
        }
    }

    private void print(Command.Bench bench, RunReport report) {
        RunSummary s = report.summary();
        RunReport.Timings t = report.timings();
        int dates = s.dates().size();
        out.println(String.format(Locale.ROOT, "Benchmark: %,d events, %,d organisations, %d billing date(s); %d cores, Java %s",
                bench.events(), bench.orgs(), dates, Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version")));
        out.println(String.format(Locale.ROOT, "  import + publish  %7.1f s  %,10.0f events/s", secs(t.publishing()),
                rate(s.eventsRead(), t.publishing())));
        out.println(String.format(Locale.ROOT, "  streams topology  %7.1f s  %,10.0f events/s  (publish start to no lag)",
                secs(t.processing()), rate(s.eventsRead(), t.processing())));
        out.println(String.format(Locale.ROOT, "  nightly job       %7.1f s  %,10.0f organisations/s  (%d date(s))",
                secs(t.billing()), rate((long) bench.orgs() * dates, t.billing()), dates));
        out.println(String.format(Locale.ROOT, "  outcome: %,d applied, %,d duplicates ignored, rejected %s",
                s.eventsApplied(), s.duplicatesIgnored(), s.eventsRejected()));
    }

    private static double secs(Duration d) {
        return d.toMillis() / 1000.0;
    }

    private static double rate(long count, Duration d) {
        return count / Math.max(secs(d), 0.001);
    }
}
