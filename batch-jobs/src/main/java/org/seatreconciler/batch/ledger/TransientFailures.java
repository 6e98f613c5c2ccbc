package org.seatreconciler.batch.ledger;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;

import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;

/**
 * Tells a database error that is not the rows' fault (a lost connection, a lock or query timeout, a deadlock) from
 * one the same rows would meet again (a value too long, a constraint): the first must fail the chunk, so that a
 * restart writes it again, and never leave an organisation out of the night.
 */
final class TransientFailures {

    /** SQLSTATE class 08: connection exception (SQL standard; PostgreSQL's 08006 connection failure among them). */
    private static final String CONNECTION_EXCEPTION = "08";

    private TransientFailures() {
    }

    static boolean isTransient(Throwable error) {
        for (Throwable e = error; e != null; e = e.getCause() == e ? null : e.getCause()) {
            if (e instanceof TransientDataAccessException || e instanceof RecoverableDataAccessException
                    || e instanceof DataAccessResourceFailureException || e instanceof SQLTransientException
                    || e instanceof SQLRecoverableException) {
                return true;
            }
            if (e instanceof SQLException sql && sql.getSQLState() != null
                    && sql.getSQLState().startsWith(CONNECTION_EXCEPTION)) {
                return true;
            }
        }
        return false;
    }

    static void rethrowIfTransient(DataAccessException error) {
        if (isTransient(error)) {
            throw error;
        }
    }
}
