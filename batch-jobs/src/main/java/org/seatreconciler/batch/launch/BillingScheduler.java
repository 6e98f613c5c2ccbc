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
 * billing zone, after every earlier date not billed yet (a failed night is restarted by the next tick, a
 * missed one billed then). A failure is logged; the date stays to be billed.
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

    /** Each date billed is logged by NightlyBilling; a failure (or refusal) here, in one line. */
    @Scheduled(cron = "${seats.billing.schedule.cron:0 30 0 * * *}", zone = "${seats.billing-zone:UTC}")
    public void billTheDayThatEnded() {
        try {
            billing.bill(billing.yesterday());
        } catch (BillingFailedException e) {
            log.error("Scheduled billing failed: {}", e.getMessage());
        }
    }
}
