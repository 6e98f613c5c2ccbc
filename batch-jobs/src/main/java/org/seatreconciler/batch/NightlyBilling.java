package org.seatreconciler.batch;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.seatreconciler.batch.config.BillingJobConfiguration;
import org.seatreconciler.batch.files.BillingFiles;
import org.seatreconciler.batch.files.BillingSummary;
import org.seatreconciler.batch.ledger.LedgerRepository;
import org.seatreconciler.batch.order.MonthOrder;
import org.seatreconciler.schemas.settings.SeatsSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobExecutionAlreadyRunningException;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.launch.JobRestartException;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

/**
 * Bills one date by running the nightly job for it. A date whose job failed is restarted where it
 * stopped; a date that completed is not billed again (Batch refuses a new instance) and is reported
 * as already billed, with ledger and files untouched.
 */
@Component
public class NightlyBilling {

    private static final Logger log = LoggerFactory.getLogger(NightlyBilling.class);

    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final Job job;
    private final LedgerRepository ledger;
    private final BillingFiles files;
    private final Clock clock;
    private final SeatsSettings seats;
    private final MonthOrder monthOrder;

    public NightlyBilling(JobOperator jobOperator, JobRepository jobRepository, Job nightlyBillingJob,
            LedgerRepository ledger, BillingFiles files, Clock clock, SeatsSettings seats) {
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.job = nightlyBillingJob;
        this.ledger = ledger;
        this.files = files;
        this.clock = clock;
        this.seats = seats;
        this.monthOrder = new MonthOrder(this::lastStatus);
    }

    /** The day that ended last in the billing zone. */
    public LocalDate yesterday() {
        return LocalDate.now(clock.withZone(seats.billingZone())).minusDays(1);
    }

    /**
     * The dates a scheduled run bills, in order: yesterday, preceded by the dates of its month that
     * failed or were missed (see {@link MonthOrder#catchUp}).
     */
    public List<LocalDate> datesToBill() {
        return monthOrder.catchUp(yesterday());
    }

    /**
     * Runs (or restarts) the job for {@code billingDate}, unless that would bill the month out of order
     * (see {@link MonthOrder#refusal}).
     *
     * @throws BillingFailedException with a one-line message when the job does not complete
     */
    public BillingRun bill(LocalDate billingDate) {
        monthOrder.refusal(billingDate).ifPresent(refusal -> {
            throw new BillingFailedException(refusal);
        });
        JobParameters parameters = parameters(billingDate);
        boolean alreadyBilled = false;
        boolean filesRewritten = false;
        try {
            log.info("Billing {}", billingDate);
            JobExecution execution = jobOperator.start(job, parameters);
            if (execution.getStatus() != BatchStatus.COMPLETED) {
                throw new BillingFailedException("Billing " + billingDate + " failed (" + execution.getStatus()
                        + "): " + reason(execution.getAllFailureExceptions()));
            }
        } catch (JobInstanceAlreadyCompleteException e) {
            alreadyBilled = true;
            filesRewritten = rewriteMissingFiles(billingDate);
        } catch (JobExecutionAlreadyRunningException e) {
            throw new BillingFailedException("Billing " + billingDate + " is already running, or a killed run is still "
                    + "marked as running; if no billing process is running, bill the date again with --recover", e);
        } catch (JobRestartException | InvalidJobParametersException e) {
            throw new BillingFailedException("Billing " + billingDate + " cannot start: " + oneLine(e.getMessage()), e);
        }
        BillingSummary summary = BillingSummary.of(billingDate, ledger.lines(billingDate), ledger.snapshots(billingDate));
        return new BillingRun(billingDate, files.folder(billingDate), alreadyBilled, filesRewritten,
                summary.organisations(),
                summary.invoiceLines(), summary.seatsInvoiced(), summary.amounts(),
                summary.notBilled().stream().map(BillingSummary.NotBilled::toString).toList());
    }

    /**
     * A completed date whose files were lost (folder or manifest removed) gets them back from the ledger,
     * byte for byte: finance can always get a billed date's files. Files that are all there are left
     * untouched.
     */
    private boolean rewriteMissingFiles(LocalDate billingDate) {
        if (files.complete(billingDate)) {
            log.info("{} is already billed: ledger and files left unchanged", billingDate);
            return false;
        }
        log.warn("{} is already billed but its files are missing in {}: writing them again from the ledger",
                billingDate, files.folder(billingDate));
        files.write(billingDate, ledger.lines(billingDate), ledger.snapshots(billingDate));
        return true;
    }

    /**
     * For a run that a killed process left marked as running (Batch never saw it end): marks it failed,
     * then bills the date, which restarts the run after its last committed chunk. Only for when no
     * other billing process is running: the job repository cannot tell a dead run from a live one.
     */
    public BillingRun recoverAndBill(LocalDate billingDate) {
        JobExecution last = jobRepository.getLastJobExecution(job.getName(), parameters(billingDate));
        if (last != null && last.isRunning()) {
            log.warn("Marking execution {} of {} ({} since {}) as failed so that it can be restarted", last.getId(),
                    billingDate, last.getStatus(), last.getStartTime());
            jobOperator.recover(last);
        }
        return bill(billingDate);
    }

    private BatchStatus lastStatus(LocalDate billingDate) {
        JobExecution last = jobRepository.getLastJobExecution(job.getName(), parameters(billingDate));
        return last == null ? null : last.getStatus();
    }

    private static JobParameters parameters(LocalDate billingDate) {
        return new JobParametersBuilder()
                .addLocalDate(BillingJobConfiguration.BILLING_DATE, billingDate, true)
                .toJobParameters();
    }

    private static String reason(List<Throwable> failures) {
        if (failures.isEmpty()) {
            return "no failure recorded";
        }
        Throwable failure = failures.get(0);
        // Batch wraps the cause ("Unable to process chunk"); the operator needs the cause itself.
        while (failure.getCause() != null && failure.getClass().getName().startsWith("org.springframework.batch.")) {
            failure = failure.getCause();
        }
        return oneLine(failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage());
    }

    private static String oneLine(String message) {
        return message == null ? "" : message.replaceAll("\\s*[\\r\\n]+\\s*", " ").trim();
    }
}
