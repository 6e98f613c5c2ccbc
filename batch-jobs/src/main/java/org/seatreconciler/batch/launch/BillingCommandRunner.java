package org.seatreconciler.batch.launch;

import java.time.LocalDate;

import org.seatreconciler.batch.BillingFailedException;
import org.seatreconciler.batch.BillingRun;
import org.seatreconciler.batch.NightlyBilling;
import org.seatreconciler.batch.explain.Explainer;
import org.seatreconciler.batch.explain.ExplanationJson;
import org.seatreconciler.batch.explain.ExplanationText;
import org.seatreconciler.batch.preview.BillingPreview;
import org.seatreconciler.batch.preview.PreviewRun;
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
 * is the process exit code: 0 done, 1 the job failed or was refused (another process bills, dates out of order,
 * a gap beyond the limit, an organisation without figures), 2 bad arguments. Messages are one line each.
 */
@Component
@ConditionalOnExpression("${seats.billing.run-on-startup:true} and !${seats.billing.schedule.enabled:false}")
public class BillingCommandRunner implements ApplicationRunner, ExitCodeGenerator {

    private final NightlyBilling billing;
    private final BillingPreview preview;
    private final Explainer explainer;
    private int exitCode;

    public BillingCommandRunner(NightlyBilling billing, BillingPreview preview, Explainer explainer) {
        this.billing = billing;
        this.preview = preview;
        this.explainer = explainer;
    }

    @Override
    public void run(ApplicationArguments args) {
        JobArguments command;
        try {
            command = JobArguments.parse(args.getSourceArgs());
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            exitCode = 2;
            return;
        }
        LocalDate date = command.billingDate() == null ? billing.yesterday() : command.billingDate();
        try {
            if (command.explain() != null) {
                var explanation = explainer.explain(command.explain(), date, date);
                System.out.print(command.json() ? ExplanationJson.render(explanation)
                        : ExplanationText.render(explanation));
            } else if (command.preview()) {
                for (PreviewRun run : preview.preview(date, date)) {
                    System.out.println(run.describe());
                }
            } else {
                for (BillingRun run : billing.bill(date)) {
                    System.out.println(run.describe());
                }
            }
            exitCode = 0;
        } catch (BillingFailedException e) {
            System.err.println(e.getMessage());
            exitCode = 1;
        }
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
