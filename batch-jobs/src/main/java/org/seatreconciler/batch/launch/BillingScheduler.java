package org.seatreconciler.batch.launch;

import java.time.Duration;
import java.time.Instant;

import org.seatreconciler.batch.BillingFailedException;
import org.seatreconciler.batch.NightlyBilling;
import org.seatreconciler.batch.config.BillingProperties;
import org.seatreconciler.batch.lease.BillingLease;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The long-running mode: at startup it catches up once (bills yesterday in the billing zone and every earlier
 * date not billed yet, taking over a run whose lease expired), then bills the day that just ended on
 * {@code seats.billing.schedule.cron} in the billing zone, the same way. So a process killed mid-run and
 * restarted by its orchestrator finishes that night at once, not at the next firing. A failure is logged in one
 * line; the date stays to be billed. A startup refused because a live lease is held (the killed process's, not
 * expired yet, or another process billing) is tried again after the lease expiry, until it is not refused for
 * that.
 *
 * <p>Its arguments are the one-shot run's settings ({@code --<key>=<value>}, e.g.
 * {@code --seats.billing.max-catch-up-dates=60}, which apply as they do there); the one-shot options
 * ({@code --billing-date}, {@code --preview}, {@code --explain}) and unknown ones are refused in one line with
 * exit status 2, before anything is billed.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnBooleanProperty("seats.billing.schedule.enabled")
public class BillingScheduler implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(BillingScheduler.class);

    private final NightlyBilling billing;
    private final TaskScheduler taskScheduler;
    private final BillingProperties properties;
    private volatile boolean refusedArguments;

    public BillingScheduler(NightlyBilling billing, TaskScheduler taskScheduler, BillingProperties properties) {
        this.billing = billing;
        this.taskScheduler = taskScheduler;
        this.properties = properties;
    }

    /** Checks the arguments, then catches up once. */
    @Override
    public void run(ApplicationArguments args) {
        try {
            JobArguments command = JobArguments.parse(args.getSourceArgs());
            if (command.billingDate() != null || command.preview() || command.explain() != null) {
                throw new IllegalArgumentException("--billing-date, --preview and --explain are one-shot options and "
                        + "do not go with seats.billing.schedule.enabled=true: the scheduler bills yesterday at startup "
                        + "and then the day that just ended on its cron; run them as a one-shot command");
            }
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            refusedArguments = true;
            return;
        }
        log.info("Catching up at startup: billing {} and every earlier date not billed yet", billing.yesterday());
        catchUpAtStartup();
    }

    /** Whether the arguments were refused (exit status 2): the process then stops instead of scheduling. */
    public boolean refusedArguments() {
        return refusedArguments;
    }

    /** Each date billed is logged by NightlyBilling; a failure (or refusal) here, in one line. */
    @Scheduled(cron = "${seats.billing.schedule.cron:0 30 0 * * *}", zone = "${seats.billing-zone:UTC}")
    public void billTheDayThatEnded() {
        if (refusedArguments) {
            return;
        }
        try {
            billing.bill(billing.yesterday());
        } catch (BillingFailedException e) {
            log.error("Scheduled billing failed: {}", e.getMessage());
        } catch (RuntimeException e) {
            log.error("Scheduled billing failed: {}", e.getMessage(), e);
        }
    }

    private void catchUpAtStartup() {
        try {
            billing.bill(billing.yesterday());
        } catch (BillingFailedException e) {
            if (e.getCause() instanceof BillingLease.LeaseUnavailableException) {
                Duration retry = properties.leaseExpiry().plusSeconds(1);
                log.warn("Catch-up at startup refused, trying again in {}: {}", retry, e.getMessage());
                taskScheduler.schedule(this::catchUpAtStartup, Instant.now().plus(retry));
            } else {
                log.error("Catch-up at startup failed (the next firing of the cron tries again): {}", e.getMessage());
            }
        } catch (RuntimeException e) {
            log.error("Catch-up at startup failed (the next firing of the cron tries again): {}", e.getMessage(), e);
        }
    }
}
