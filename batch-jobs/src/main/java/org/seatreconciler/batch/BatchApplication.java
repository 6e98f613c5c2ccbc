package org.seatreconciler.batch;

import java.util.Map;

import org.seatreconciler.batch.launch.BillingCommandRunner;
import org.seatreconciler.batch.launch.BillingScheduler;
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
        if (context.getBeanProvider(BillingScheduler.class).getIfAvailable() == null) {
            System.err.println("Nothing to do: set seats.billing.run-on-startup=true (bill once) or "
                    + "seats.billing.schedule.enabled=true (bill every night)");
            System.exit(SpringApplication.exit(context, () -> 2));
        }
    }

    /** The app as {@code main} runs it, for starting it inside another JVM (the local mode). */
    public static SpringApplication application() {
        SpringApplication application = new SpringApplication(BatchApplication.class);
        application.setDefaultProperties(Map.of("spring.config.name", CONFIG_NAMES));
        return application;
    }
}
