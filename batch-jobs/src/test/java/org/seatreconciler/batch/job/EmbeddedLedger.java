package org.seatreconciler.batch.job;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.test.context.DynamicPropertyRegistry;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** A real PostgreSQL for the job's ledger and repository in a test class (binaries and data under target/). */
final class EmbeddedLedger {

    private EmbeddedLedger() {
    }

    /** Started, with {@code scripts} (class path resources) run first. */
    static EmbeddedPostgres start(String... scripts) {
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setOverrideWorkingDirectory(new File("target/embedded-pg")).start();
            for (String script : scripts) {
                new ResourceDatabasePopulator(new ClassPathResource(script)).execute(postgres.getPostgresDatabase());
            }
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The job's data source on {@code postgres}. */
    static void register(DynamicPropertyRegistry registry, EmbeddedPostgres postgres) {
        registry.add("spring.datasource.url", () -> postgres.getJdbcUrl("postgres", "postgres"));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
    }
}
