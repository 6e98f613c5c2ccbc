package org.seatreconciler.local.pipeline;

import java.time.LocalDate;
import java.util.List;

import org.seatreconciler.batch.BatchApplication;
import org.seatreconciler.batch.BillingFailedException;
import org.seatreconciler.batch.BillingRun;
import org.seatreconciler.batch.NightlyBilling;
import org.seatreconciler.local.ReconcilerException;
import org.seatreconciler.local.output.DateResult;
import org.springframework.context.ConfigurableApplicationContext;

/** The batch app's Spring Boot context, started in this JVM for one local run. */
final class SpringNightlyJob implements NightlyJob {

    private final ConfigurableApplicationContext context;
    private final NightlyBilling billing;

    private SpringNightlyJob(ConfigurableApplicationContext context) {
        this.context = context;
        this.billing = context.getBean(NightlyBilling.class);
    }

    static NightlyJob start(LocalSettings settings) {
        return new SpringNightlyJob(SpringApps.run(BatchApplication.application(),
                SpringApps.batchProperties(settings)));
    }

    @Override
    public List<DateResult> bill(LocalDate date) {
        try {
            return billing.bill(date).stream().map(SpringNightlyJob::result).toList();
        } catch (BillingFailedException e) {
            throw new ReconcilerException(e.getMessage(), e);
        }
    }

    private static DateResult result(BillingRun run) {
        return DateResult.of(run.billingDate(), run.organisations(), run.invoiceLines(), run.amounts(), run.notBilled());
    }

    @Override
    public void close() {
        context.close();
    }
}
