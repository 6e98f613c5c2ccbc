package org.seatreconciler.batch;

import java.util.Map;

import org.seatreconciler.batch.launch.BillingCommandRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The nightly billing job. By default it bills {@code --billing-date} (or yesterday) once and exits
 * with 0 or non-zero; with {@code seats.billing.schedule.enabled=true} it stays up and bills every
 * night on a cron. Its settings are in {@code batch-jobs.yml}, not {@code application.yml}, so it can
 * share a classpath with the streams app (local mode); an operator's own {@code application.yml} is
 * still read after it and wins.
 */
@SpringBootApplication
public class BatchApplication {

    public static final String CONFIG_NAMES = "batch-jobs,application";

    public static void main(String[] args) {
        ConfigurableApplicationContext context = application().run(args);
        if (context.getBeanProvider(BillingCommandRunner.class).getIfAvailable() != null) {
            System.exit(SpringApplication.exit(context));
        }
    }

    /**
     * Starts the app in this JVM with the given settings (the local mode's entry point), passed as
     * command-line arguments so they beat every configuration file.
     */
    public static ConfigurableApplicationContext start(Map<String, ?> properties) {
        String[] args = properties.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        return application().run(args);
    }

    private static SpringApplication application() {
        SpringApplication application = new SpringApplication(BatchApplication.class);
        application.setDefaultProperties(Map.of("spring.config.name", CONFIG_NAMES));
        return application;
    }
}
