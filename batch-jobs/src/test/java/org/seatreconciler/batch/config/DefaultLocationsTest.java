package org.seatreconciler.batch.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/** The ledger and the files default to absolute places: cron may start the job from any directory. */
class DefaultLocationsTest {

    private static final String HOME = System.getProperty("user.home");

    @Test
    void theDatabaseAndTheOutputFolderDefaultToAbsolutePathsUnderTheUsersHome() throws Exception {
        StandardEnvironment environment = new StandardEnvironment();
        new YamlPropertySourceLoader().load("batch-jobs", new ClassPathResource("batch-jobs.yml"))
                .forEach(environment.getPropertySources()::addLast);

        assertThat(environment.getProperty("spring.datasource.url"))
                .isEqualTo("jdbc:h2:file:" + HOME + "/seat-reconciler/db/billing");
        assertThat(environment.getProperty("seats.billing.out-dir")).isEqualTo(HOME + "/seat-reconciler/out");
        assertThat(new BillingProperties(null, null, null, null, null, null, null, null, 1, null, 35,
                new java.math.BigDecimal("0.01"), java.time.Duration.ofMinutes(2), false, null, null).outDir())
                .isEqualTo(Path.of(HOME, "seat-reconciler", "out"));
    }
}
