package org.seatreconciler.batch;

import java.util.Map;
import java.util.Optional;

import org.seatreconciler.batch.launch.BillingCommandRunner;
import org.seatreconciler.batch.launch.BillingScheduler;
import org.seatreconciler.batch.launch.ExitStatus;
import org.seatreconciler.batch.launch.Startup;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The nightly billing job. By default it bills {@code --billing-date} (or yesterday) once and exits
 * with an exit status of {@link ExitStatus}; with {@code seats.billing.schedule.enabled=true} it stays up,
 * catches up at startup and bills every night on a cron. Its settings are in {@code batch-jobs.yml}, not
 * {@code application.yml}, so it can share a classpath with the streams app (local mode); an operator's own
 * {@code application.yml} is still read after it and wins.
 */
@SpringBootApplication
public class BatchApplication {

    public static final String CONFIG_NAMES = "batch-jobs,application";

    public static void main(String[] args) {
        Optional<Integer> status = run(args);
        status.ifPresent(System::exit);
    }

    /**
     * Runs the job as {@code main} does, in this JVM.
     *
     * @return the exit status of a command, or empty for a scheduler that stays up
     */
    public static Optional<Integer> run(String... args) {
        SpringApplication application = application();
        Startup startup = Startup.prepare(application, args);
        ConfigurableApplicationContext context;
        try {
            context = application.run(args);
        } catch (RuntimeException e) {
            Optional<String> line = startup.describe(e);
            if (line.isEmpty()) {
                throw e;
            }
            System.err.println(line.get());
            return Optional.of(ExitStatus.OUTSIDE_FAILURE);
        }
        if (context.getBeanProvider(BillingCommandRunner.class).getIfAvailable() != null) {
            return Optional.of(SpringApplication.exit(context));
        }
        BillingScheduler scheduler = context.getBeanProvider(BillingScheduler.class).getIfAvailable();
        if (scheduler == null) {
            System.err.println("Nothing to do: set seats.billing.run-on-startup=true (bill once) or "
                    + "seats.billing.schedule.enabled=true (bill every night)");
            return Optional.of(SpringApplication.exit(context, () -> ExitStatus.BAD_ARGUMENTS));
        }
        if (scheduler.refusedArguments()) {
            return Optional.of(SpringApplication.exit(context, () -> ExitStatus.BAD_ARGUMENTS));
        }
        return Optional.empty();
    }

    /** The app as {@code main} runs it, for starting it inside another JVM (the local mode). */
    public static SpringApplication application() {
        SpringApplication application = new SpringApplication(BatchApplication.class);
        application.setDefaultProperties(Map.of("spring.config.name", CONFIG_NAMES));
        return application;
    }
}
