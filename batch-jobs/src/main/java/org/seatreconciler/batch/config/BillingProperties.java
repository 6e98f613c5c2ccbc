package org.seatreconciler.batch.config;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Currency;
import java.util.Map;

import org.seatreconciler.batch.billing.Money;
import org.seatreconciler.batch.billing.NotBilledShare;
import org.seatreconciler.batch.billing.Plan;
import org.seatreconciler.batch.billing.SeatBasis;
import org.seatreconciler.batch.reports.ReviewThresholds;
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
        @DefaultValue("1000") int chunkSize,
        Integer partitionThreads,
        @DefaultValue("35") int maxCatchUpDates,
        @DefaultValue("0.01") BigDecimal maxNotBilledShare,
        @DefaultValue("2m") Duration leaseExpiry,
        @DefaultValue("true") boolean runOnStartup,
        @DefaultValue Schedule schedule,
        @DefaultValue Review review) {

    public BillingProperties {
        // Absolute by default (batch-jobs.yml says the same): a relative folder depends on where cron starts us.
        outDir = outDir == null ? Path.of(System.getProperty("user.home"), "seat-reconciler", "out") : outDir;
        plans = plans == null ? Map.of() : Map.copyOf(plans);
        partitionThreads = partitionThreads == null ? Runtime.getRuntime().availableProcessors() : partitionThreads;
        PlanProperties.require(partitionThreads >= 1, "seats.billing.partition-threads must be at least 1, got "
                + partitionThreads);
        PlanProperties.require(chunkSize >= 1, "seats.billing.chunk-size must be at least 1, got " + chunkSize);
        // Checked at binding, so a bad plan stops the start with a message naming the key.
        plans.forEach((code, plan) -> plan.toPlan(code));
        PlanProperties.require(maxCatchUpDates >= 1, "seats.billing.max-catch-up-dates must be at least 1, got "
                + maxCatchUpDates);
        new NotBilledShare(maxNotBilledShare);
        PlanProperties.require(leaseExpiry.compareTo(Duration.ofSeconds(1)) >= 0,
                "seats.billing.lease-expiry must be at least 1s, got " + leaseExpiry);
    }

    /** One plan of the catalogue, {@code seats.billing.plans.<CODE>.*}. */
    public record PlanProperties(Integer supportRatio, BigDecimal price, Currency currency) {

        /**
         * The plan, after checking every setting is there and sensible; the message names the key.
         *
         * @throws IllegalArgumentException e.g. {@code seats.billing.plans.group.currency is missing}
         */
        public Plan toPlan(String code) {
            String key = "seats.billing.plans." + code + ".";
            String every = " (every plan needs support-ratio, price and currency)";
            require(supportRatio != null, key + "support-ratio is missing" + every);
            require(price != null, key + "price is missing" + every);
            require(currency != null, key + "currency is missing" + every);
            require(supportRatio >= 0, key + "support-ratio must not be negative: " + supportRatio);
            require(price.signum() >= 0, key + "price must not be negative: " + price.toPlainString());
            // Never round a configured price silently: 45.005 EUR is a typo, not 45.01.
            require(price.stripTrailingZeros().scale() <= Money.minorDigits(currency),
                    key + "price " + price.toPlainString() + " has more decimals than " + currency.getCurrencyCode()
                            + " has (" + Money.minorDigits(currency) + ")");
            return new Plan(code, supportRatio, Money.of(price, currency));
        }

        static void require(boolean condition, String message) {
            if (!condition) {
                throw new IllegalArgumentException(message);
            }
        }
    }

    /**
     * {@code seats.billing.review.*}: when review.csv lists a change of seats (DESIGN.md section 6): more than
     * {@code min-change} seats (M) and more than {@code min-share} of the seats before (R, a fraction).
     */
    public record Review(@DefaultValue("20") int minChange, @DefaultValue("0.5") BigDecimal minShare) {

        public Review {
            thresholds(minChange, minShare); // checked at binding: a bad value stops the start naming the key
        }

        public ReviewThresholds thresholds() {
            return thresholds(minChange, minShare);
        }

        private static ReviewThresholds thresholds(int minChange, BigDecimal minShare) {
            return new ReviewThresholds(minChange, minShare);
        }
    }

    /** {@code seats.billing.schedule.*}: bill the day that just ended on a cron, in the billing zone. */
    public record Schedule(@DefaultValue("false") boolean enabled, @DefaultValue("0 30 0 * * *") String cron) {
    }
}
