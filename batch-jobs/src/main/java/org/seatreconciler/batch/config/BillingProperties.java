package org.seatreconciler.batch.config;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Currency;
import java.util.Map;

import org.seatreconciler.batch.billing.SeatBasis;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** The nightly job's settings ({@code seats.billing.*}); the plan catalogue defaults are in batch-jobs.yml. */
@ConfigurationProperties("seats.billing")
public record BillingProperties(
        Path outDir,
        @DefaultValue("END_OF_DAY") SeatBasis seatBasis,
        @DefaultValue("GROUP") String defaultPlan,
        Map<String, PlanProperties> plans,
        @DefaultValue("seat-reconciler-streams") String streamsApplicationId,
        @DefaultValue("5m") Duration catchUpTimeout,
        @DefaultValue("1s") Duration catchUpPollInterval,
        @DefaultValue("2m") Duration readTimeout,
        @DefaultValue("100") int chunkSize,
        @DefaultValue("true") boolean runOnStartup,
        @DefaultValue Schedule schedule) {

    public BillingProperties {
        // Absolute by default (batch-jobs.yml says the same): a relative folder depends on where cron starts us.
        outDir = outDir == null ? Path.of(System.getProperty("user.home"), "seat-reconciler", "out") : outDir;
        plans = plans == null ? Map.of() : Map.copyOf(plans);
    }

    /** One plan of the catalogue, {@code seats.billing.plans.<CODE>.*}. */
    public record PlanProperties(int supportRatio, BigDecimal price, Currency currency) {
    }

    /** {@code seats.billing.schedule.*}: bill the day that just ended on a cron, in the billing zone. */
    public record Schedule(@DefaultValue("false") boolean enabled, @DefaultValue("0 30 0 * * *") String cron) {
    }
}
