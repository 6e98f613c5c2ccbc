package org.seatreconciler.local.pipeline;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.seatreconciler.batch.config.BillingProperties;
import org.seatreconciler.batch.order.BillingOrder;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ClassPathResource;

/**
 * The settings that put the two Spring Boot apps into one local run, beside the shared ones of
 * {@link LocalSettings#springProperties()}. Both apps are on one classpath here, so each context is
 * told to leave alone the auto-configuration that belongs to the other.
 */
final class SpringApps {

    private static final String DATA_SOURCE_AUTO_CONFIGURATIONS = String.join(",",
            "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
            "org.springframework.boot.batch.autoconfigure.BatchAutoConfiguration",
            "org.springframework.boot.batch.autoconfigure.BatchJobLauncherAutoConfiguration",
            "org.springframework.boot.batch.jdbc.autoconfigure.BatchJdbcAutoConfiguration");

    private SpringApps() {
    }

    static Map<String, Object> streamsProperties(LocalSettings settings) {
        Map<String, Object> p = common(settings);
        // The pipeline creates the topics (one partition each); the app must not add partitions.
        p.put("seats.topics.create", "false");
        p.put("spring.autoconfigure.exclude", DATA_SOURCE_AUTO_CONFIGURATIONS);
        // a fatal stream failure must not end this JVM (the CLI reports and exits on its own terms)
        p.put("seats.streams.exit-on-fatal-failure", "false");
        return p;
    }

    static Map<String, Object> batchProperties(LocalSettings settings) {
        Map<String, Object> p = common(settings);
        p.put("seats.billing.run-on-startup", "false");
        p.put("seats.billing.out-dir", settings.outDir().toString());
        p.put("seats.billing.seat-basis", settings.seatBasis().name());
        // the range the user asked for (ArgumentParser bounds it with --max-dates), not the nightly limit of 35
        p.put(BillingOrder.MAX_DATES_SETTING, settings.billingDates());
        // The ledger belongs to this run's broker: a fresh database in the run's work folder.
        p.put("spring.datasource.url", "jdbc:h2:file:" + settings.workDir().resolve("billing-db"));
        return p;
    }

    /**
     * The batch app's plan codes in catalogue order, read from its own settings file, so the plans
     * file can be checked before anything starts.
     */
    static List<String> planCodes() {
        try {
            var sources = new YamlPropertySourceLoader().load("batch-jobs.yml", new ClassPathResource("batch-jobs.yml"));
            Map<String, BillingProperties.PlanProperties> plans = new Binder(ConfigurationPropertySources.from(sources))
                    .bind("seats.billing.plans", Bindable.mapOf(String.class, BillingProperties.PlanProperties.class))
                    .orElseThrow(() -> new IllegalStateException("batch-jobs.yml has no seats.billing.plans"));
            return List.copyOf(plans.keySet());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Cannot read the batch app's batch-jobs.yml", e);
        }
    }

    /**
     * Runs an app with the given settings as command-line arguments, the highest precedence, so they
     * beat every configuration file.
     */
    static ConfigurableApplicationContext run(SpringApplication application, Map<String, Object> properties) {
        return application.run(properties.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new));
    }

    private static Map<String, Object> common(LocalSettings settings) {
        Map<String, Object> p = new LinkedHashMap<>(settings.springProperties());
        p.put("spring.main.banner-mode", "off");
        p.put("spring.main.web-application-type", "none");
        // closed by the pipeline, before the broker, also on Ctrl-C (see LocalKafkaBroker.closeFirst)
        p.put("spring.main.register-shutdown-hook", "false");
        p.put("spring.main.log-startup-info", "false");
        return p;
    }
}
