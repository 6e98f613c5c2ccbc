package org.seatreconciler.batch.launch;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Before a read-only command (--preview, --explain): are the tables it reads there, with the columns this version
 * reads? Those commands run no DDL (no CREATE TABLE, no ALTER TABLE ... ADD COLUMN, whose lock on PostgreSQL
 * would wait for the night's transactions, and the night's for it), so a ledger that is missing or older than
 * this version is reported in one line instead of being created or upgraded. Each probe selects no row.
 */
public class SchemaCheck {

    private final JdbcClient jdbc;
    private final String jdbcUrl;
    private final Map<String, String> probes = new LinkedHashMap<>();

    /** @param tablePrefix Batch's table prefix ({@code spring.batch.jdbc.table-prefix}) */
    public SchemaCheck(JdbcClient jdbc, String jdbcUrl, String tablePrefix) {
        this.jdbc = jdbc;
        this.jdbcUrl = jdbcUrl == null ? "" : OutsideFailure.masked(jdbcUrl);
        if (!tablePrefix.matches("[A-Za-z0-9_.]*")) {
            throw new IllegalArgumentException("Unexpected Batch table prefix " + tablePrefix);
        }
        probes.put("Spring Batch table " + tablePrefix + "JOB_EXECUTION_PARAMS",
                "SELECT JOB_EXECUTION_ID FROM " + tablePrefix + "JOB_EXECUTION_PARAMS WHERE 1 = 0");
        probes.put("table seat_ledger", "SELECT invoice_id FROM seat_ledger WHERE 1 = 0");
        probes.put("columns required_seats, support_ratio, seat_basis, unit_price, currency in seat_snapshot",
                "SELECT required_seats, support_ratio, seat_basis, unit_price, currency FROM seat_snapshot WHERE 1 = 0");
        probes.put("table not_billed", "SELECT reason FROM not_billed WHERE 1 = 0");
    }

    /** @throws OutdatedSchemaException naming the first table or columns missing */
    public void requireCurrent(String command) {
        probes.forEach((what, sql) -> {
            try {
                jdbc.sql(sql).query().listOfRows();
            } catch (BadSqlGrammarException e) {
                throw new OutdatedSchemaException("The job's database at " + jdbcUrl + " has no " + what
                        + " (a new database, or one an older version created): " + command + " only reads and never "
                        + "creates or upgrades tables; bill once with this version first, which does", e);
            }
        });
    }

    /** The tables a read-only command needs are missing or older than this version. */
    public static class OutdatedSchemaException extends RuntimeException {
        OutdatedSchemaException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
