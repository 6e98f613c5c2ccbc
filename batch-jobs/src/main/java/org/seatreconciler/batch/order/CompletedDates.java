package org.seatreconciler.batch.order;

import java.time.LocalDate;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The latest billing date whose job execution completed, L of {@link BillingOrder}: one query on Spring
 * Batch's job repository tables (the billing date is the job's identifying parameter, stored as
 * {@code YYYY-MM-DD}, so the greatest string is the latest date). Asking the repository API instead would
 * cost a query per job instance, a year of nights being 365 of them.
 */
public class CompletedDates {

    private final JdbcClient jdbc;
    private final String sql;

    /**
     * @param tablePrefix Batch's table prefix ({@code spring.batch.jdbc.table-prefix}, {@code BATCH_})
     */
    public CompletedDates(JdbcClient jdbc, String tablePrefix, String jobName, String dateParameter) {
        this.jdbc = jdbc;
        if (!tablePrefix.matches("[A-Za-z0-9_.]*")) {
            throw new IllegalArgumentException("Unexpected Batch table prefix " + tablePrefix);
        }
        this.sql = "SELECT MAX(p.PARAMETER_VALUE) FROM " + tablePrefix + "JOB_EXECUTION_PARAMS p"
                + " JOIN " + tablePrefix + "JOB_EXECUTION e ON e.JOB_EXECUTION_ID = p.JOB_EXECUTION_ID"
                + " JOIN " + tablePrefix + "JOB_INSTANCE i ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID"
                + " WHERE i.JOB_NAME = '" + jobName.replace("'", "''") + "' AND e.STATUS = 'COMPLETED'"
                + " AND p.PARAMETER_NAME = '" + dateParameter.replace("'", "''") + "'";
    }

    /** L, or empty for a new ledger. */
    public Optional<LocalDate> latest() {
        return jdbc.sql(sql).query(String.class).optional().map(LocalDate::parse);
    }
}
