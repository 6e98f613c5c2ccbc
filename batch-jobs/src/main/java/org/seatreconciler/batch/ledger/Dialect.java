package org.seatreconciler.batch.ledger;

import java.sql.DatabaseMetaData;
import java.util.Locale;

import javax.sql.DataSource;

import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;

/**
 * What the ledger's SQL says differently on H2 and PostgreSQL: how to sort org_id as Java does. Everything else
 * is one statement for both.
 */
enum Dialect {

    /** Compares VARCHARs as Java's String.compareTo by default. */
    H2,
    /** Sorts by the database's locale unless told "C". */
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
