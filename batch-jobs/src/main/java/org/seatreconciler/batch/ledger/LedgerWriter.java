package org.seatreconciler.batch.ledger;

import java.util.ArrayList;
import java.util.List;

import org.seatreconciler.schemas.events.Identifiers;
import org.seatreconciler.batch.billing.NotBilledTally;
import org.seatreconciler.batch.billing.OrgBilling;
import org.seatreconciler.batch.lease.BillingLease;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes a chunk of billed organisations to the ledger in the chunk's transaction, then confirms this process
 * still holds the billing lease. The rows go in with plain INSERTs; a chunk the ledger refuses (a key already
 * there, a row an older ledger schema cannot store) is written again with insert-if-absent statements, then
 * organisation by organisation, each in a savepoint of the same transaction;
 * an organisation still refused is recorded as not billed with the database's reason, and the others are
 * billed: one organisation never stops the night. (Batch's own skip-and-scan writes the items one by one
 * in one transaction, which PostgreSQL aborts at the first failed statement.) Refused organisations count in the
 * share of organisations not billed ({@link NotBilledTally}): past it, the chunk fails. An error that is not the
 * rows' fault ({@link TransientFailures}: a lost connection, a lock timeout) fails the chunk too, so that a restart
 * writes it again, rather than leaving organisations out. Organisations not billed are logged once each, here,
 * and nothing else is logged per organisation.
 */
public class LedgerWriter implements ItemWriter<OrgBilling> {

    private static final Logger log = LoggerFactory.getLogger(LedgerWriter.class);
    private static final int MAX_DETAIL = 300;
    /** How the reason of an organisation whose rows the ledger refused begins. */
    static final String REFUSED = "the ledger refused its rows: ";

    private final LedgerRepository ledger;
    private final BillingLease lease;
    private final TransactionTemplate savepoint;
    private final NotBilledTally tally;

    public LedgerWriter(LedgerRepository ledger, BillingLease lease, PlatformTransactionManager transactionManager,
            NotBilledTally tally) {
        this.ledger = ledger;
        this.lease = lease;
        this.tally = tally;
        this.savepoint = new TransactionTemplate(transactionManager);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    @Override
    public void write(Chunk<? extends OrgBilling> chunk) {
        List<? extends OrgBilling> items = chunk.getItems();
        try {
            savepoint.executeWithoutResult(status -> ledger.recordNew(items));
            items.stream().filter(b -> !b.isBilled()).forEach(LedgerWriter::logNotBilled);
        } catch (DataAccessException notNew) {
            TransientFailures.rethrowIfTransient(notNew);
            writeIfAbsent(items);
        }
        // Last, so that the lease row stays locked only from here to the commit (the chunks of other partitions
        // take it in turn); a process that lost the lease still commits nothing.
        lease.confirm();
    }

    /** The chunk again, each row inserted only if absent; if the ledger still refuses, organisation by one. */
    private void writeIfAbsent(List<? extends OrgBilling> items) {
        try {
            savepoint.executeWithoutResult(status -> ledger.record(items));
            items.stream().filter(b -> !b.isBilled()).forEach(LedgerWriter::logNotBilled);
        } catch (DataAccessException refused) {
            TransientFailures.rethrowIfTransient(refused);
            writeOneByOne(items);
        }
    }

    private void writeOneByOne(List<? extends OrgBilling> items) {
        List<NotBilled> refused = new ArrayList<>();
        List<String> newlyNotBilled = new ArrayList<>(); // those not already counted as not billable
        for (OrgBilling item : items) {
            try {
                savepoint.executeWithoutResult(status -> ledger.record(List.of(item)));
                if (!item.isBilled()) {
                    logNotBilled(item);
                }
            } catch (DataAccessException e) {
                TransientFailures.rethrowIfTransient(e);
                // an organisation already not billable keeps its reason first: only the billable ones refused count as
                // refusals again when a restart totals the date's (LedgerRepository.refusedOn, the reason's prefix)
                String refusal = REFUSED + detail(e);
                NotBilled notBilled = new NotBilled(Identifiers.shown(item.orgId()),
                        item.isBilled() ? refusal : item.notBilledReason() + "; " + refusal);
                log.warn("Not billed on {}: {}", item.billingDate(), notBilled);
                refused.add(notBilled);
                if (item.isBilled()) {
                    newlyNotBilled.add(notBilled.orgId() + ": " + notBilled.reason());
                }
            }
        }
        if (!refused.isEmpty()) {
            tally.refused(items.get(0).billingDate(), newlyNotBilled);
            ledger.recordNotBilled(items.get(0).billingDate(), refused);
        }
    }

    private static void logNotBilled(OrgBilling item) {
        log.warn("Not billed on {}: {}: {}", item.billingDate(), Identifiers.printable(item.orgId()),
                item.notBilledReason());
    }

    /** The database's own words, on one line and short. */
    private static String detail(DataAccessException e) {
        Throwable cause = NestedExceptionUtils.getMostSpecificCause(e);
        String message = String.valueOf(cause.getMessage()).replaceAll("\\s*[\\r\\n]+\\s*", " ").trim();
        return message.length() <= MAX_DETAIL ? message : message.substring(0, MAX_DETAIL - 3) + "...";
    }
}
