package org.seatreconciler.batch;

import org.seatreconciler.batch.launch.BillingCommandRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The nightly billing job. By default it bills {@code --billing-date} (or yesterday) once and exits
 * with 0 or non-zero; with {@code seats.billing.schedule.enabled=true} it stays up and bills every
 * night on a cron.
 */
@SpringBootApplication
public class BatchApplication {

    public static void main(String[] args) {
        ConfigurableApplicationContext context = SpringApplication.run(BatchApplication.class, args);
        if (context.getBeanProvider(BillingCommandRunner.class).getIfAvailable() != null) {
            System.exit(SpringApplication.exit(context));
        }
    }
}
