package org.seatreconciler.batch.launch;

import java.time.LocalDate;
import java.util.Optional;

import org.seatreconciler.batch.BillingFailedException;
import org.seatreconciler.batch.BillingRun;
import org.seatreconciler.batch.NightlyBilling;
import org.seatreconciler.batch.explain.Explainer;
import org.seatreconciler.batch.explain.ExplanationJson;
import org.seatreconciler.batch.explain.ExplanationText;
import org.seatreconciler.batch.preview.BillingPreview;
import org.seatreconciler.batch.preview.PreviewRun;
import org.seatreconciler.schemas.events.Identifiers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Component;

/**
 * The command line ({@link JobArguments}): bills {@code --billing-date=YYYY-MM-DD} (default: yesterday in the
 * billing zone), after the dates before it that are not billed yet; with {@code --preview} (or
 * {@code --dry-run}) writes the date's files under {@code <out>/preview/} and bills nothing; with
 * {@code --explain ORG [--json]} prints why the organisation was (or would be) billed what it was. Its outcome
 * is the process exit status ({@link ExitStatus}): 0 done, 1 the job failed or was refused, 2 bad arguments
 * (a date that has not ended yet among them), 3 the output folder, the job's database or the schema registry
 * failed. Messages are one line each, on stderr; a stack trace only in the log at DEBUG.
 */
@Component
@ConditionalOnExpression("${seats.billing.run-on-startup:true} and !${seats.billing.schedule.enabled:false}")
public class BillingCommandRunner implements ApplicationRunner, ExitCodeGenerator {

    private static final Logger log = LoggerFactory.getLogger(BillingCommandRunner.class);

    private final NightlyBilling billing;
    private final BillingPreview preview;
    private final Explainer explainer;
    private final SchemaCheck schema;
    private final OutsideFailure failures;
    private int exitCode;

    public BillingCommandRunner(NightlyBilling billing, BillingPreview preview, Explainer explainer,
            SchemaCheck schema, OutsideFailure failures) {
        this.billing = billing;
        this.preview = preview;
        this.explainer = explainer;
        this.schema = schema;
        this.failures = failures;
    }

    @Override
    public void run(ApplicationArguments args) {
        JobArguments command;
        LocalDate date;
        try {
            command = JobArguments.parse(args.getSourceArgs());
            LocalDate yesterday = billing.yesterday();
            date = command.billingDate() == null ? yesterday : command.billingDate();
            BillableDate.check(date, command, yesterday.plusDays(1), billing.billingZone());
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            exitCode = ExitStatus.BAD_ARGUMENTS;
            return;
        }
        try {
            if (command.explain() != null) {
                schema.requireCurrent("--explain");
                var explanation = explainer.explain(command.explain(), date, date);
                System.out.print(command.json() ? ExplanationJson.render(explanation)
                        : ExplanationText.render(explanation));
            } else if (command.preview()) {
                schema.requireCurrent("--preview");
                for (PreviewRun run : preview.preview(date, date)) {
                    System.out.println(run.describe());
                }
            } else {
                for (BillingRun run : billing.bill(date)) {
                    System.out.println(run.describe());
                }
            }
            exitCode = ExitStatus.DONE;
        } catch (RuntimeException e) {
            exitCode = fail(e);
        } catch (OutOfMemoryError e) {
            exitCode = outOfMemory(command, date, e);
        }
    }

    /**
     * A command that outgrew the heap (a preview of a date after L + 1 holds every organisation of L + 1 .. D in
     * memory: about 1.3 GB a date at a million): what the operator can do about it in one line, the stack trace in
     * the log. The heap is free again once the command's objects are unreachable, which they are here.
     */
    private static int outOfMemory(JobArguments command, LocalDate date, OutOfMemoryError e) {
        String what = command.explain() != null
                ? "explaining " + Identifiers.printable(command.explain()) + " on " + date
                : command.preview() ? "previewing " + date + " (a preview of a date after the day after the latest "
                        + "billed one holds every organisation of the dates in between in memory)"
                : "billing " + date;
        log.error("Out of memory while {}", what, e);
        System.err.println("Out of memory while " + what + ": the JVM's heap is at most "
                + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB; run it again with a larger -Xmx");
        return ExitStatus.OUTSIDE_FAILURE;
    }

    /** One line on stderr: the folder, database or registry that failed, else the billing's own reason. */
    private int fail(RuntimeException e) {
        Optional<String> outside = failures.describe(e);
        if (outside.isPresent()) {
            System.err.println(outside.get());
            log.debug("{}", outside.get(), e);
            return ExitStatus.OUTSIDE_FAILURE;
        }
        if (e instanceof BillingFailedException) {
            System.err.println(e.getMessage());
            log.debug("{}", e.getMessage(), e);
            return ExitStatus.BILLING_FAILED;
        }
        // not foreseen: a bug to report, so the stack trace goes to the log at ERROR
        log.error("Unexpected failure", e);
        System.err.println("Unexpected failure: " + e.getClass().getName() + ": "
                + OutsideFailure.oneLine(e.getMessage()) + " (stack trace in the log)");
        return ExitStatus.OUTSIDE_FAILURE;
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
