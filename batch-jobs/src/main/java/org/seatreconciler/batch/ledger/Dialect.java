package org.seatreconciler.batch.ledger;

import java.sql.DatabaseMetaData;
import java.util.Locale;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;

/**
 * The two things the ledger's SQL says differently on H2 and PostgreSQL: how to sort org_id as Java does, and
 * how to make a query stream its rows. Everything else is one statement for both.
 */
enum Dialect {

    /** Compares VARCHARs as Java's String.compareTo by default; materialises results unless told to be lazy. */
    H2 {
        @Override
        String inJavaOrder(String column) {
            return column;
        }

        @Override
        void streamResults(JdbcTemplate connection, boolean on) {
            connection.execute("SET LAZY_QUERY_EXECUTION " + (on ? "TRUE" : "FALSE"));
        }
    },
    /** Sorts by the database's locale unless told "C"; streams with a fetch size inside a transaction. */
    POSTGRESQL {
        @Override
        String inJavaOrder(String column) {
            return column + " COLLATE \"C\"";
        }
    },
    /** Another database: sorted as it sorts (a merge fails loudly if that is not Java's order). */
    OTHER;

    /** {@code column} in an ORDER BY so that it sorts as Java's {@link String#compareTo} (ASCII identifiers). */
    String inJavaOrder(String column) {
        return column;
    }

    /** Switches streaming of query results on or off for the connection of the current transaction. */
    void streamResults(JdbcTemplate connection, boolean on) {
    }

    static Dialect of(DataSource dataSource) {
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
