package org.seatreconciler.batch.launch;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.seatreconciler.batch.config.BillingJobConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * What the command line changes in how the job's Spring application starts, before anything connects:
 * a read-only command (--preview, --explain) or refused arguments run no DDL (Spring Batch's and the
 * ledger's schema initialisation are switched off over any setting), and a start that fails on the output
 * folder, the database or the registry is told in one line ({@link OutsideFailure}).
 */
public final class Startup {

    private final AtomicReference<ConfigurableEnvironment> environment = new AtomicReference<>();

    private Startup() {
    }

    /** Prepares {@code application} for {@code args}; keep the result to describe a failed start. */
    public static Startup prepare(SpringApplication application, String... args) {
        Startup startup = new Startup();
        boolean readsOnly = JobArguments.readsOnly(args);
        application.addListeners((ApplicationListener<ApplicationEnvironmentPreparedEvent>) event -> {
            startup.environment.set(event.getEnvironment());
            if (readsOnly) {
                event.getEnvironment().getPropertySources().addFirst(new MapPropertySource("read-only-command",
                        Map.of("spring.batch.jdbc.initialize-schema", "never",
                                BillingJobConfiguration.INITIALIZE_SCHEMA, "false")));
            }
        });
        return startup;
    }

    /** The one line for a start that failed on the folder, database or registry; empty for anything else. */
    public Optional<String> describe(Throwable failure) {
        ConfigurableEnvironment prepared = environment.get();
        return prepared == null ? Optional.empty() : OutsideFailure.of(prepared).describe(failure);
    }
}
