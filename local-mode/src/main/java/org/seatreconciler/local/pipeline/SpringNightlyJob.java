package org.seatreconciler.local.pipeline;

import java.time.LocalDate;
import java.util.List;

import org.seatreconciler.batch.BatchApplication;
import org.seatreconciler.batch.BillingFailedException;
import org.seatreconciler.batch.BillingRun;
import org.seatreconciler.batch.NightlyBilling;
import org.seatreconciler.batch.explain.Explainer;
import org.seatreconciler.batch.explain.Explanation;
import org.seatreconciler.batch.explain.ExplanationJson;
import org.seatreconciler.batch.explain.ExplanationText;
import org.seatreconciler.batch.files.BillingSummary;
import org.seatreconciler.batch.preview.BillingPreview;
import org.seatreconciler.local.ReconcilerException;
import org.seatreconciler.local.output.DateResult;
import org.springframework.context.ConfigurableApplicationContext;

/** The batch app's Spring Boot context, started in this JVM for one local run. */
final class SpringNightlyJob implements NightlyJob {

    private final ConfigurableApplicationContext context;
    private final NightlyBilling billing;
    private final BillingPreview preview;
    private final Explainer explainer;

    private SpringNightlyJob(ConfigurableApplicationContext context) {
        this.context = context;
        this.billing = context.getBean(NightlyBilling.class);
        this.preview = context.getBean(BillingPreview.class);
        this.explainer = context.getBean(Explainer.class);
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

    @Override
    public List<DateResult> preview(LocalDate from, LocalDate to) {
        try {
            return preview.preview(from, to).stream().map(run -> result(run.billingDate(), run.summary())).toList();
        } catch (BillingFailedException e) {
            throw new ReconcilerException(e.getMessage(), e);
        }
    }

    @Override
    public String explain(String orgId, LocalDate date, LocalDate from, boolean json) {
        try {
            Explanation explanation = explainer.explain(orgId, date, from);
            return json ? ExplanationJson.render(explanation) : ExplanationText.render(explanation);
        } catch (BillingFailedException e) {
            throw new ReconcilerException(e.getMessage(), e);
        }
    }

    private static DateResult result(BillingRun run) {
        return result(run.billingDate(), run.summary());
    }

    private static DateResult result(LocalDate date, BillingSummary s) {
        return DateResult.of(date, s.organisations(), s.invoiceLines(), s.amounts(), s.renewalChange(), s.reviewRows(),
                s.notBilled());
    }

    @Override
    public void close() {
        context.close();
    }
}
