package org.seatreconciler.local;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.seatreconciler.local.bench.Benchmark;
import org.seatreconciler.local.broker.TempDirectory;
import org.seatreconciler.local.cli.ArgumentParser;
import org.seatreconciler.local.cli.Command;
import org.seatreconciler.local.cli.UsageException;
import org.seatreconciler.local.demo.DemoData;
import org.seatreconciler.local.demo.InvoiceLines;
import org.seatreconciler.local.demo.ReviewLines;
import org.seatreconciler.local.output.DateResult;
import org.seatreconciler.local.output.RunSummary;
import org.seatreconciler.local.pipeline.Components;
import org.seatreconciler.local.pipeline.DefaultComponents;
import org.seatreconciler.local.pipeline.Pipeline;
import org.seatreconciler.local.pipeline.RunReport;
import org.seatreconciler.local.publish.ClusterPublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code ./reconciler}: parses the command line and runs it. Errors are one line on stderr,
 * {@code reconciler: <what is wrong>}, with exit status 2 for bad arguments or input files (nothing
 * written) and 1 for a run that failed. Progress goes to stderr, the final report to stdout.
 */
public final class ReconcilerCli {

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;
    private static final Logger log = LoggerFactory.getLogger(ReconcilerCli.class);

    private final Components components;
    private final Path workingDir;
    private final Clock clock;
    private final PrintStream out;
    private final PrintStream err;

    public ReconcilerCli(Components components, Path workingDir, Clock clock, PrintStream out, PrintStream err) {
        this.components = components;
        this.workingDir = workingDir;
        this.clock = clock;
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        int status = new ReconcilerCli(DefaultComponents.create(), Path.of("").toAbsolutePath(), Clock.systemDefaultZone(),
                System.out, System.err).execute(args);
        System.exit(status);
    }

    public int execute(String... args) {
        try {
            Command command = new ArgumentParser(workingDir).parse(args);
            if (command instanceof Command.Help help) {
                out.print(help.text());
                return OK;
            }
            if (command instanceof Command.Run run) {
                report(new Pipeline(components, err).run(run));
            } else if (command instanceof Command.Explain explain) {
                explain(explain);
            } else if (command instanceof Command.Demo demo) {
                demo(demo);
            } else if (command instanceof Command.Publish publish) {
                new ClusterPublisher(components.planCodes(), out, err).publish(publish);
            } else if (command instanceof Command.Bench bench) {
                new Benchmark(components, out, err).run(bench);
            }
            return OK;
        } catch (UsageException e) {
            err.println("reconciler: " + e.getMessage());
            return USAGE;
        } catch (RuntimeException e) {
            log.debug("Run failed", e);
            err.println("reconciler: " + Optional.ofNullable(e.getMessage()).orElse(e.getClass().getSimpleName()));
            return FAILED;
        }
    }

    /**
     * The events through the pipeline, nothing billed, no file kept: only the explanation, on stdout (progress on
     * stderr as for run). The run's own files go to a temporary folder.
     */
    private void explain(Command.Explain explain) {
        try (TempDirectory scratch = TempDirectory.create("reconciler-explain-")) {
            Command.Run run = new Command.Run(explain.events(), explain.plans(), explain.from(), explain.date(),
                    explain.seatBasis(), explain.zone(), scratch.path().resolve("out"), false);
            RunReport report = new Pipeline(components, err).run(run, job -> new Pipeline.Done(List.of(),
                    job.explain(explain.orgId(), explain.date(), explain.from(), explain.json())));
            out.print(report.explanation());
        }
    }

    private void demo(Command.Demo demo) {
        LocalDate today = LocalDate.now(clock.withZone(demo.zone()));
        try (TempDirectory inputs = TempDirectory.create("reconciler-demo-")) {
            Path[] files = DemoData.write(inputs.path(), today, demo.zone());
            Command.Run run = new Command.Run(files[0], Optional.of(files[1]), today, today, demo.seatBasis(), demo.zone(),
                    demo.out(), false);
            Pipeline pipeline = new Pipeline(components, err);
            RunReport report = pipeline.run(run, job -> new Pipeline.Done(pipeline.bill(job, today, today),
                    job.explain(DemoData.ARTICLE_CLINIC, today, today, false)));
            Path folder = demo.out().resolve(today.toString());
            out.println();
            out.println("Demo for " + today + " (" + demo.zone().getId() + ", " + demo.seatBasis() + "):");
            for (InvoiceLines.Line line : InvoiceLines.read(folder.resolve("invoices.csv"))) {
                out.println(String.format(Locale.ROOT, "  %-16s %-10s %-8s %3s seats required, %3s invoiced: %10s %s",
                        line.orgId(), line.plan(), line.lineType(), line.requiredSeats(), line.seatsInvoiced(),
                        line.amount(), line.currency()));
            }
            List<ReviewLines.Line> review = ReviewLines.read(folder.resolve("review.csv"));
            out.println("To review before sending (review.csv):" + (review.isEmpty() ? " nothing" : ""));
            for (ReviewLines.Line line : review) {
                out.println(String.format(Locale.ROOT, "  %-16s %s %s -> %s: %s", line.orgId(), line.check(),
                        line.seatsBefore(), line.seatsAfter(), line.detail()));
            }
            report.summary().dates().forEach(date -> out.println("Revenue movement at the next renewal "
                    + "(reconciliation.csv): " + movement(date.renewalChange()) + " a month"));
            out.println("Why " + DemoData.ARTICLE_CLINIC + " is billed what it is (reconciler explain):");
            shortened(report.explanation()).forEach(line -> out.println("  " + line));
            report(report);
        }
    }

    /** An explanation with at most three events a list, the rest counted: the rule stays in sight. */
    private static List<String> shortened(String explanation) {
        List<String> lines = new java.util.ArrayList<>();
        int inList = 0;
        int left = 0;
        for (String line : explanation.lines().toList()) {
            if (!line.startsWith("  ")) {
                inList = 0;
                if (left > 0) {
                    lines.add("  ... and " + left + " more");
                    left = 0;
                }
                lines.add(line);
            } else if (++inList <= 3) {
                lines.add(line);
            } else {
                left++;
            }
        }
        if (left > 0) {
            lines.add("  ... and " + left + " more");
        }
        return lines;
    }

    private static String movement(Map<String, BigDecimal> change) {
        if (change.isEmpty()) {
            return "none";
        }
        StringBuilder text = new StringBuilder();
        change.forEach((currency, amount) -> text.append(text.length() == 0 ? "" : ", ")
                .append(amount.signum() > 0 ? "+" : "").append(amount.toPlainString()).append(' ').append(currency));
        return text.toString();
    }

    private void report(RunReport report) {
        RunSummary s = report.summary();
        out.println(String.format(Locale.ROOT, "Events: %d read, %d applied, %d duplicates ignored, %d rejected %s",
                s.eventsRead(), s.eventsApplied(), s.duplicatesIgnored(), s.rejectedTotal(), s.eventsRejected()));
        for (DateResult date : s.dates()) {
            StringBuilder totals = new StringBuilder();
            date.totals().forEach((currency, amount) -> totals.append(' ').append(amount.toPlainString()).append(' ').append(currency));
            out.println(String.format(Locale.ROOT, "%s%s: %d organisation(s), %d invoice line(s), total%s; renewal "
                    + "change %s; %d to review", date.date(), s.preview() ? " (preview, nothing billed)" : "",
                    date.organisations(), date.invoiceLines(), totals.length() == 0 ? " 0" : totals,
                    movement(date.renewalChange()), date.reviewRows()));
        }
        String dates = s.preview() ? "preview/<date>/" : "<date>/";
        out.println("Files in " + report.outDir() + ": " + dates + "invoices.csv, seat-counts.csv, reconciliation.csv, "
                + "review.csv, summary.json, manifest.sha256; " + report.rejectedEvents().getFileName() + ", "
                + report.runSummary().getFileName());
    }
}
