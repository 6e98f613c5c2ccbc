package org.seatreconciler.batch.launch;

import org.seatreconciler.batch.BillingFailedException;
import org.seatreconciler.batch.NightlyBilling;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The long-running mode: bills the day that just ended, on {@code seats.billing.schedule.cron} in the
 * billing zone. A failed night is logged and stays FAILED in the job repository; billing that date
 * again (the command line with {@code --billing-date}) restarts it where it stopped.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnBooleanProperty("seats.billing.schedule.enabled")
public class BillingScheduler {

    private static final Logger log = LoggerFactory.getLogger(BillingScheduler.class);

    private final NightlyBilling billing;

    public BillingScheduler(NightlyBilling billing) {
        this.billing = billing;
    }

    @Scheduled(cron = "${seats.billing.schedule.cron:0 30 0 * * *}", zone = "${seats.billing-zone:UTC}")
    void billTheDayThatEnded() {
        try {
            log.info("{}", BillingCommandRunner.describe(billing.bill(billing.yesterday())));
        } catch (BillingFailedException e) {
            log.error("Scheduled billing failed: {}", e.getMessage());
        }
    }
}
