package org.seatreconciler.batch.launch;

import java.time.LocalDate;

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
 * billing zone. A failed night is logged and stays FAILED in the job repository; the next tick restarts
 * it before billing the new day (or bill it with {@code --billing-date}).
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

    /**
     * Bills the day that ended, after the dates of its month that failed or were missed, in order; stops
     * at the first date that fails, since the later ones would be refused (MonthOrder).
     */
    @Scheduled(cron = "${seats.billing.schedule.cron:0 30 0 * * *}", zone = "${seats.billing-zone:UTC}")
    public void billTheDayThatEnded() {
        for (LocalDate date : billing.datesToBill()) {
            try {
                log.info("{}", BillingCommandRunner.describe(billing.bill(date)));
            } catch (BillingFailedException e) {
                log.error("Scheduled billing failed: {}", e.getMessage());
                return;
            }
        }
    }
}
