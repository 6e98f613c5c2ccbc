package org.seatreconciler.batch.ledger;

import java.sql.DatabaseMetaData;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;

/**
 * What the ledger's SQL says differently on H2 and PostgreSQL: how to sort org_id as Java does, and the indexes
 * that serve that order. Everything else is one statement for both.
 */
public enum Dialect {

    /** Compares VARCHARs as Java's String.compareTo by default. */
    H2,
    /**
     * Sorts by the database's locale unless told "C", and then no index on the column's own collation serves
     * the order, whatever the database's locale: each page of a date's rows was a scan and sort of the date
     * (200-350 ms a page at a million organisations, against 3-5 ms with {@value #POSTGRESQL_SCHEMA}'s indexes).
     */
    POSTGRESQL {
        @Override
        String inJavaOrder(String column) {
            return column + " COLLATE \"C\"";
        }

        @Override
        public List<String> schemaScripts() {
            return List.of(SCHEMA, POSTGRESQL_SCHEMA);
        }

        @Override
        List<String> refreshStatistics() {
            // a manual VACUUM or a schema change holding the tables would otherwise stop the night behind it
            return List.of("SET LOCAL lock_timeout = '5s'", "ANALYZE seat_snapshot, seat_ledger, not_billed");
        }

        @Override
        List<String> orderIndexes() {
            return List.of("seat_ledger_date_org_c", "seat_snapshot_date_org_c");
        }
    },
    /** Another database: sorted as it sorts (a merge fails loudly if that is not Java's order). */
    OTHER;

    /** The ledger's tables, one script for every database, created if absent at every start. */
    public static final String SCHEMA = "seat-ledger-schema.sql";
    static final String POSTGRESQL_SCHEMA = "seat-ledger-schema-postgresql.sql";
    /** Of {@code :names}, the indexes that exist and are usable (PostgreSQL's catalogue). */
    static final String VALID_INDEXES = "SELECT c.relname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid"
            + " WHERE i.indisvalid AND c.relname IN (:names)";

    /** The class path scripts that create the ledger's tables and indexes on this database, in order. */
    public List<String> schemaScripts() {
        return List.of(SCHEMA);
    }

    /**
     * The statements, run in a transaction of their own, that bring the planner's statistics of the ledger's
     * tables up to date, if the database plans by them and does not keep them current as rows are written
     * (PostgreSQL: autovacuum analyses a table some time after a large insert).
     */
    List<String> refreshStatistics() {
        return List.of();
    }

    /** The indexes {@link #schemaScripts} add for the paged reads' order, which the reads need at scale. */
    List<String> orderIndexes() {
        return List.of();
    }

    /** {@code column} in an ORDER BY so that it sorts as Java's {@link String#compareTo} (ASCII identifiers). */
    String inJavaOrder(String column) {
        return column;
    }

    public static Dialect of(DataSource dataSource) {
        try {
            String product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
            return switch (product.toLowerCase(Locale.ROOT)) {
                case "h2" -> H2;
                case "postgresql" -> POSTGRESQL;
                default -> OTHER;
            };
        } catch (MetaDataAccessException e) {
            return OTHER;
        }
    }
}
