package org.seatreconciler.batch.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.seatreconciler.batch.billing.OrgBilling;
import org.seatreconciler.batch.billing.SeatFigures;
import org.seatreconciler.batch.ledger.LedgerRepository;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The same job with the job repository and the ledger on a real PostgreSQL whose ledger tables an older
 * version created (plan VARCHAR(64)): the batched insert-if-absent statements, and an organisation whose
 * row that ledger refuses, which PostgreSQL answers by aborting the statement's transaction (hence the
 * savepoints), leaving the others of its chunk billed.
 */
@TestPropertySource(properties = "seats.billing.max-not-billed-share=0.5")
class PostgresLedgerJobTest extends BillingJobTestSupport {

    private static final EmbeddedPostgres POSTGRES = EmbeddedLedger.start("old-seat-ledger-schema.sql");

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        EmbeddedLedger.register(registry, POSTGRES);
    }

    @AfterAll
    static void stop() throws IOException {
        POSTGRES.close();
    }

    @Test
    void billsTheWorkedExampleWithLedgerAndJobRepositoryOnPostgres() throws Exception {
        publishWorkedExampleDays();
        publishDays(List.of(day("clinic-long", SEP_30, 2, 0, 1, 1, 2, 0, 2, 2, 2)));
        publishWorkedExamplePlans();
        publishPlans(Map.of("clinic-long", "P".repeat(100)));

        assertFilesAreTheWorkedExample(bill(SEP_30).folder(), SEP_30);
        assertFilesAreTheWorkedExample(bill(OCT_1).folder(), OCT_1);
        assertFilesAreTheWorkedExample(bill(OCT_2).folder(), OCT_2);
        assertThat(bill(OCT_2).alreadyBilled()).isTrue();
        // not billable (its plan is unknown) before the ledger refused its rows: both said, the unknown plan first
        assertThat(bill(OCT_2).notBilled()).singleElement().asString().startsWith("clinic-long: plan PPP").contains(
                " is not in the plan catalogue; the ledger refused its rows: ERROR: value too long for type character "
                        + "varying(64)");

        JdbcClient jdbc = JdbcClient.create(dataSource);
        assertThat(jdbc.sql("SELECT current_setting('server_version_num')").query(String.class).single())
                .startsWith("17");
        assertThat(ledger()).hasSize(7);
        // the files step analysed the tables it reads in pages: autovacuum had not yet
        assertThat(jdbc.sql("SELECT relname FROM pg_stat_user_tables WHERE last_analyze IS NOT NULL ORDER BY relname")
                .query(String.class).list()).containsExactly("not_billed", "seat_ledger", "seat_snapshot");
        assertPagedReadsMatchTheLedger(SEP_30, OCT_1, OCT_2);
        assertThat(jdbc.sql("SELECT SUM(amount) FROM seat_ledger").query(java.math.BigDecimal.class).single())
                .isEqualByComparingTo("978.39");
        assertThat(jdbc.sql("SELECT data_type FROM information_schema.columns"
                + " WHERE table_name = 'seat_ledger' AND column_name = 'amount'").query(String.class).single())
                .isEqualTo("numeric");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM batch_job_instance").query(Long.class).single()).isEqualTo(3);

        // the terms columns the old table gained: empty for an organisation not billed (typed nulls on PostgreSQL)
        LocalDate oct3 = OCT_2.plusDays(1);
        ledgerRepository.record(List.of(new OrgBilling(oct3, "gold-p", new SeatFigures(2, 0, 1, 1, 2, 0, 2, 2, 2),
                "GOLD", null, Optional.empty(), "plan GOLD is not in the plan catalogue", true)));
        assertThat(ledgerRepository.snapshots(oct3)).singleElement().satisfies(s -> {
            assertThat(s.requirement()).isNull();
            assertThat(s.notBilledReason()).isEqualTo("plan GOLD is not in the plan catalogue");
        });
        assertCarriedForwardPastNightsNotBilled(LocalDate.of(2026, 11, 1));
        assertOneOrganisationReadsMatchTheWholeDate(SEP_30, OCT_1, OCT_2, oct3, LocalDate.of(2026, 11, 1),
                LocalDate.of(2026, 11, 3), LocalDate.of(2026, 11, 4));
    }

    /**
     * The paged reads' order, org_id COLLATE "C", is served by the indexes of seat-ledger-schema-postgresql.sql,
     * which the job's start added to the older ledger: the plan of every page query the reads sent has no sort
     * (with sorting priced out, the planner sorts only if no index gives the order). Without them each page of a
     * million-organisation date was a scan and sort of the whole date: 200-350 ms a page against 3-5 ms.
     */
    @Test
    void pagedReadsFollowAnIndexInsteadOfSortingTheDate() throws SQLException {
        JdbcClient jdbc = JdbcClient.create(dataSource);
        LocalDate date = LocalDate.of(2027, 1, 4);
        for (String org : List.of("org-d", "Org-B", "org-a", "org-c")) {
            jdbc.sql("INSERT INTO seat_snapshot (billing_date, org_id, standard, support, admins, owners,"
                    + " billable_standard, support_only, total_members, peak_billable_standard, peak_total_members, plan)"
                    + " VALUES (:date, :org, 1, 1, 0, 0, 1, 1, 2, 1, 2, 'GOLD')").param("date", date).param("org", org)
                    .update();
            jdbc.sql("INSERT INTO seat_ledger VALUES (:date, :org, 'RENEWAL', 'GOLD', 'END_OF_DAY', 1, 1, 2, 1, 1, 0, 1,"
                    + " 10, 31, 31, 10, 'USD', :invoice)").param("date", date).param("org", org)
                    .param("invoice", "inv-" + org).update();
        }
        List<String> sent = new CopyOnWriteArrayList<>();
        DataSource recording = new DelegatingDataSource(dataSource) {
            @Override
            public Connection getConnection() throws SQLException {
                Connection connection = super.getConnection();
                return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                        (proxy, method, args) -> {
                            if (method.getName().equals("prepareStatement")) {
                                sent.add((String) args[0]);
                            }
                            try {
                                return method.invoke(connection, args);
                            } catch (InvocationTargetException e) {
                                throw e.getCause();
                            }
                        });
            }
        };
        LedgerRepository paged = new LedgerRepository(recording, new DataSourceTransactionManager(recording), 2);
        List<String> read;
        List<String> plans;
        try {
        read = paged.streaming(() -> {
            List<String> orgs = new ArrayList<>();
            try (var snapshots = paged.snapshotCursor(date); var lines = paged.lineCursor(date)) {
                for (String org = snapshots.peekOrg(); org != null; org = snapshots.peekOrg()) {
                    orgs.add(org + " " + snapshots.take(org).size() + " " + lines.take(org).size());
                }
            }
            return orgs;
        });
        List<String> pageQueries = sent.stream().filter(sql -> sql.contains("FETCH FIRST")).distinct().toList();
        plans = new TransactionTemplate(transactionManager).execute(status -> {
            jdbc.sql("SET LOCAL enable_sort = off").update();
            return pageQueries.stream().map(sql -> {
                // the first page's query binds the date, the next pages' the date and the last organisation read
                List<Object> params = sql.chars().filter(c -> c == '?').count() == 1 ? List.of(date) : List.of(date, "org-a");
                return sql + "\n" + String.join("\n", jdbc.sql("EXPLAIN " + sql).params(params).query(String.class).list());
            }).toList();
        });
        } finally {
            jdbc.sql("DELETE FROM seat_ledger WHERE billing_date = :date").param("date", date).update(); // the other
            jdbc.sql("DELETE FROM seat_snapshot WHERE billing_date = :date").param("date", date).update(); // test counts
        }

        assertThat(read).containsExactly("Org-B 1 1", "org-a 1 1", "org-c 1 1", "org-d 1 1");
        assertThat(plans).hasSize(4).allSatisfy(plan -> assertThat(plan).contains("Index Scan").doesNotContain("Sort"));

        // tables held by another session (a manual VACUUM, a schema change): the analysis gives up after its lock
        // timeout, and the files are written anyway
        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            holder.createStatement().execute("LOCK TABLE seat_ledger IN SHARE UPDATE EXCLUSIVE MODE");
            assertThat(ledgerRepository.refreshStatistics()).isFalse();
            holder.rollback();
        }
        assertThat(ledgerRepository.refreshStatistics()).isTrue();

        // an index the start could not build (its errors are ignored: two processes race on the script) is named
        assertThat(ledgerRepository.missingOrderIndexes()).isEmpty();
        jdbc.sql("DROP INDEX seat_snapshot_date_org_c").update();
        try {
            assertThat(ledgerRepository.missingOrderIndexes()).containsExactly("seat_snapshot_date_org_c");
        } finally {
            jdbc.sql("CREATE INDEX seat_snapshot_date_org_c ON seat_snapshot (billing_date, org_id COLLATE \"C\")").update();
        }
    }
}
