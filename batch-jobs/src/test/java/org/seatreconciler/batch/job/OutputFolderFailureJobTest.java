package org.seatreconciler.batch.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.seatreconciler.batch.config.BillingJobConfiguration;
import org.seatreconciler.batch.explain.Explainer;
import org.seatreconciler.batch.launch.BillingCommandRunner;
import org.seatreconciler.batch.launch.OutsideFailure;
import org.seatreconciler.batch.launch.SchemaCheck;
import org.seatreconciler.batch.preview.BillingPreview;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;

/**
 * The command line's outcome when the output folder cannot be written (here: a file where the folder should
 * be, which stops root too): one line on stderr naming the folder and why, exit status 3, not a stack trace;
 * the ledger keeps the date's rows and its run stays FAILED, restarted by the next run once the folder is back.
 */
class OutputFolderFailureJobTest extends BillingJobTestSupport {

    @Autowired
    BillingPreview preview;
    @Autowired
    Explainer explainer;
    @Autowired
    SchemaCheck schemaCheck;
    @Autowired
    OutsideFailure outsideFailure;

    @Test
    void anUnwritableOutputFolderIsOneLineNamingItAndExitStatusThree() throws Exception {
        publishWorkedExampleDays();
        publishWorkedExamplePlans();
        Path out = files.folder(SEP_30).getParent();
        Files.delete(out);
        Files.writeString(out, "not a folder");

        Outcome failed = run("--billing-date=2026-09-30");

        assertThat(failed.status()).isEqualTo(3);
        assertThat(failed.stderr()).isEqualTo("Cannot write the billing files of 2026-09-30 to " + out.resolve(
                "2026-09-30") + ": " + out.resolve("2026-09-30") + ": Not a directory" + System.lineSeparator());
        assertThat(ledger()).containsExactly("20260930-clinic-a-T", "20260930-clinic-b-T", "20260930-solo-c-T");
        assertThat(jobRepository.getLastJobExecution(BillingJobConfiguration.JOB_NAME, new JobParametersBuilder()
                .addLocalDate(BillingJobConfiguration.BILLING_DATE, SEP_30, true).toJobParameters()).getStatus())
                .isEqualTo(BatchStatus.FAILED);

        Files.delete(out);
        Outcome restarted = run("--billing-date=2026-09-30");

        assertThat(restarted.status()).isZero();
        assertThat(restarted.stderr()).isEmpty();
        assertFilesAreTheWorkedExample(files.folder(SEP_30), SEP_30);
        assertThat(ledger()).hasSize(3);
    }

    private record Outcome(int status, String stderr) {
    }

    private Outcome run(String... args) {
        BillingCommandRunner runner = new BillingCommandRunner(billing, preview, explainer, schemaCheck, outsideFailure);
        PrintStream err = System.err;
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
        try {
            runner.run(new DefaultApplicationArguments(args));
        } finally {
            System.setErr(err);
        }
        return new Outcome(runner.getExitCode(), stderr.toString(StandardCharsets.UTF_8));
    }
}
