package org.seatreconciler.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.batch.core.step.FatalStepExecutionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.TransactionSystemException;

/** The one-line reason a failed night gives: the first thing that went wrong, not its wrappers. */
class FailureReasonTest {

    @Test
    void aFailedRollbackGivesWayToWhatItWasRollingBack() {
        TransactionSystemException rollback = new TransactionSystemException("Could not roll back to JDBC savepoint",
                new SQLException("Connection is closed"));
        rollback.initApplicationException(new DataAccessResourceFailureException("PreparedStatementCallback",
                new SQLException("FATAL: terminating connection due to administrator command")));

        assertThat(NightlyBilling.reason(List.of(new FatalStepExecutionException("Unable to process chunk", rollback))))
                .isEqualTo("PreparedStatementCallback: FATAL: terminating connection due to administrator command");
    }

    @Test
    void aMessageThatSaysLittleGetsItsCause() {
        assertThat(NightlyBilling.reason(List.of(new TransactionSystemException("JDBC rollback failed",
                new SQLException("Connection is closed"))))).isEqualTo("JDBC rollback failed: Connection is closed");
    }

    @Test
    void aBlankMessageIsPassedForItsCause() {
        assertThat(NightlyBilling.reason(List.of(new IllegalStateException(" ",
                new SQLException("the ledger is read-only"))))).isEqualTo("the ledger is read-only");
        assertThat(NightlyBilling.reason(List.of(new IllegalStateException()))).isEqualTo("IllegalStateException");
        assertThat(NightlyBilling.reason(List.of())).isEqualTo("no failure recorded");
    }
}
