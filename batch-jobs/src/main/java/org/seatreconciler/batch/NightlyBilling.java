package org.seatreconciler.batch;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.seatreconciler.batch.config.BillingJobConfiguration;
import org.seatreconciler.batch.files.BillingFiles;
import org.seatreconciler.batch.files.BillingSummary;
import org.seatreconciler.batch.input.BillingSessions;
import org.seatreconciler.batch.lease.BillingLease;
import org.seatreconciler.batch.order.BillingOrder;
import org.seatreconciler.batch.order.CompletedDates;
import org.seatreconciler.batch.reports.DateReports;
import org.seatreconciler.schemas.settings.SeatsSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
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
import org.springframework.batch.core.step.StepExecution;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Every way of starting the nightly job (the command line, the scheduler, the local mode) comes here. It
 * takes the billing lease, decides with {@link BillingOrder} what the date asked means, and runs the job
 * for each date to bill, in order: the day after the latest completed date up to the date asked, across
 * months. A date whose run was left STARTED by a killed process is taken over (marked FAILED the Spring
 * Batch way, then restarted where it stopped): holding the lease proves that process is gone. The
 * catch-up check and the read of the topics happen once per call, not once per date.
 */
public class NightlyBilling {

    private static final Logger log = LoggerFactory.getLogger(NightlyBilling.class);

    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final Job job;
    private final DateReports reports;
    private final BillingFiles files;
    private final Clock clock;
    private final SeatsSettings seats;
    private final BillingLease lease;
    private final BillingSessions sessions;
    private final CompletedDates completedDates;
    private final int maxDates;

    public NightlyBilling(JobOperator jobOperator, JobRepository jobRepository, Job nightlyBillingJob,
            DateReports reports, BillingFiles files, Clock clock, SeatsSettings seats, BillingLease lease,
            BillingSessions sessions, CompletedDates completedDates, int maxDates) {
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.job = nightlyBillingJob;
        this.reports = reports;
        this.files = files;
        this.clock = clock;
        this.seats = seats;
        this.lease = lease;
        this.sessions = sessions;
        this.completedDates = completedDates;
        this.maxDates = maxDates;
    }

    public ZoneId billingZone() {
        return seats.billingZone();
    }

    /** The day that ended last in the billing zone. */
    public LocalDate yesterday() {
        return LocalDate.now(clock.withZone(seats.billingZone())).minusDays(1);
    }

    /**
     * Bills {@code asked} and every date before it that is not billed yet, in order; a date already billed
     * bills nothing and gets its files checked (and restored from the ledger where they differ).
     *
     * @return one run per date billed, in order, or the one already billed date
     * @throws BillingFailedException with a one-line message: another process holds the lease, the order
     *                                refuses the date, or a date's job did not complete
     */
    public synchronized List<BillingRun> bill(LocalDate asked) {
        try (BillingLease.Held held = lease.acquire()) {
            BillingOrder.Decision decision = BillingOrder.decide(completedDates.latest().orElse(null), asked,
                    completed(asked), maxDates);
            if (decision instanceof BillingOrder.Refused refused) {
                throw new BillingFailedException(refused.reason());
            }
            if (decision instanceof BillingOrder.Bill bill) {
                return billInOrder(bill.dates());
            }
            return List.of(alreadyBilled(asked));
        } catch (BillingLease.LeaseUnavailableException e) {
            throw new BillingFailedException(e.getMessage(), e);
        } catch (DataAccessException e) {
            throw new BillingFailedException("Billing " + asked + " stopped: the job's database failed ("
                    + oneLine(NestedExceptionUtils.getMostSpecificCause(e).getMessage()) + ")", e);
        }
    }

    private List<BillingRun> billInOrder(List<LocalDate> dates) {
        LocalDate first = dates.get(0);
        LocalDate last = dates.get(dates.size() - 1);
        if (dates.size() > 1) {
            log.info("Billing {} .. {} in order ({} dates not billed yet)", first, last, dates.size());
        }
        List<BillingRun> runs = new ArrayList<>();
        sessions.open(first, last);
        try {
            for (LocalDate date : dates) {
                runs.add(run(date, last));
            }
        } finally {
            sessions.close();
        }
        return runs;
    }

    private BillingRun run(LocalDate date, LocalDate last) {
        JobParameters parameters = parameters(date);
        takeOverDeadRun(date, parameters);
        String unbilled = date.equals(last) ? ""
                : "; not billed after it: " + date.plusDays(1) + (date.plusDays(1).equals(last) ? "" : " .. " + last);
        try {
            JobExecution execution = jobOperator.start(job, parameters);
            if (execution.getStatus() != BatchStatus.COMPLETED) {
                List<Throwable> failures = failures(execution);
                throw new BillingFailedException("Billing " + date + " failed (" + execution.getStatus() + "): "
                        + reason(failures) + unbilled, failures.isEmpty() ? null : failures.get(0));
            }
        } catch (JobInstanceAlreadyCompleteException e) {
            return alreadyBilled(date);
        } catch (JobExecutionAlreadyRunningException | JobRestartException | InvalidJobParametersException e) {
            throw new BillingFailedException("Billing " + date + " cannot start: " + oneLine(e.getMessage()) + unbilled,
                    e);
        }
        // the files step wrote the summary in this process; a pass over the ledger only if it did not
        BillingSummary summary = files.written(date).orElseGet(() -> BillingSummary.of(reports.streamed(date), false));
        BillingRun run = new BillingRun(date, files.folder(date), false, List.of(), summary);
        log.info("{}", run.describe());
        return run;
    }

    /**
     * A run left STARTED belongs to a process that no longer renews the lease, since this one holds it: it was
     * killed. A run left UNKNOWN had a chunk's transaction end with an unknown outcome (its database connection
     * failed during the rollback or the commit: a fail-over, a terminated session), after which Spring Batch
     * refuses every restart and asks for manual intervention; with no gaps allowed, no later date would be billed
     * either. Either is restarted here: this job's restart is safe whatever the lost chunk did, since the ledger's
     * rows are inserted only if absent and each partition's read position is committed in the same transaction as
     * its rows, so a restart writes that chunk again or finds it written.
     */
    private void takeOverDeadRun(LocalDate date, JobParameters parameters) {
        JobExecution last = jobRepository.getLastJobExecution(job.getName(), parameters);
        if (last == null) {
            return;
        }
        if (last.isRunning()) {
            log.warn("Taking over the run of {} (execution {}, {} since {}): its process stopped renewing the billing "
                    + "lease; marking it FAILED and restarting it where it stopped", date, last.getId(),
                    last.getStatus(), last.getStartTime());
        } else if (last.getStatus() == BatchStatus.UNKNOWN) {
            log.warn("Restarting the run of {} (execution {}) whose chunk transaction ended with an unknown outcome "
                    + "(its database connection failed during a rollback or commit): the ledger's rows are inserted only "
                    + "if absent and each partition's position commits with them, so the restart writes that chunk again "
                    + "or finds it written", date, last.getId());
        } else {
            return;
        }
        failUnfinished(last);
    }

    /**
     * Marks the run and every step of it still running or UNKNOWN FAILED, so that the run restarts after its last
     * committed chunk. Every step, not only the run's status: after an unknown outcome a partition whose record
     * could not be saved stays STARTED under an UNKNOWN billing step, and a killed run's steps may be UNKNOWN.
     */
    private void failUnfinished(JobExecution last) {
        LocalDateTime now = LocalDateTime.now(clock);
        for (StepExecution step : last.getStepExecutions()) {
            if (step.getStatus().isRunning() || step.getStatus() == BatchStatus.UNKNOWN) {
                step.setStatus(BatchStatus.FAILED);
                step.setExitStatus(ExitStatus.FAILED);
                step.setEndTime(now);
                jobRepository.update(step);
            }
        }
        last.setStatus(BatchStatus.FAILED);
        last.setExitStatus(ExitStatus.FAILED);
        last.setEndTime(now);
        jobRepository.update(last);
    }

    private BillingRun alreadyBilled(LocalDate date) {
        BillingFiles.Restored restored = files.restore(reports.streamed(date));
        BillingRun run = new BillingRun(date, files.folder(date), true, restored.rewritten(), restored.summary());
        if (restored.rewritten().isEmpty()) {
            log.info("{}", run.describe());
        } else {
            log.warn("{}", run.describe());
        }
        return run;
    }

    private boolean completed(LocalDate date) {
        JobExecution last = jobRepository.getLastJobExecution(job.getName(), parameters(date));
        return last != null && last.getStatus() == BatchStatus.COMPLETED;
    }

    private static JobParameters parameters(LocalDate billingDate) {
        return new JobParametersBuilder()
                .addLocalDate(BillingJobConfiguration.BILLING_DATE, billingDate, true)
                .toJobParameters();
    }

    /**
     * The execution's failures, a partition's before the billing step's own: when a partition fails, the step
     * that ran it only says "Partition handler returned an unsuccessful step".
     */
    private static List<Throwable> failures(JobExecution execution) {
        List<Throwable> failures = new ArrayList<>(execution.getFailureExceptions());
        execution.getStepExecutions().stream().filter(step -> step.getStepName().contains(":"))
                .forEach(step -> failures.addAll(step.getFailureExceptions()));
        execution.getStepExecutions().stream().filter(step -> !step.getStepName().contains(":"))
                .forEach(step -> failures.addAll(step.getFailureExceptions()));
        return failures;
    }

    static String reason(List<Throwable> failures) {
        if (failures.isEmpty()) {
            return "no failure recorded";
        }
        Throwable failure = failures.get(0);
        while (true) {
            if (failure instanceof TransactionSystemException rollback && rollback.getApplicationException() != null) {
                // a rollback that failed hides what it was rolling back: that comes first
                failure = rollback.getApplicationException();
            } else if (failure.getCause() != null && (failure.getClass().getName().startsWith("org.springframework.batch.")
                    || oneLine(failure.getMessage()).isEmpty())) {
                // Batch wraps the cause ("Unable to process chunk"); the operator needs the cause itself
                failure = failure.getCause();
            } else {
                break;
            }
        }
        String message = oneLine(failure.getMessage());
        String cause = oneLine(NestedExceptionUtils.getMostSpecificCause(failure).getMessage());
        if (message.isEmpty()) {
            return cause.isEmpty() ? failure.getClass().getSimpleName() : cause;
        }
        // "JDBC rollback failed" says little without "Connection is closed"; a driver's message that already
        // ends a long Spring message is not repeated
        return cause.isEmpty() || message.contains(cause) ? message : message + ": " + cause;
    }

    private static String oneLine(String message) {
        return message == null ? "" : message.replaceAll("\\s*[\\r\\n]+\\s*", " ").trim();
    }
}
