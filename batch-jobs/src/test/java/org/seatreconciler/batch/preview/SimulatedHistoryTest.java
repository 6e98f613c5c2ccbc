package org.seatreconciler.batch.preview;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.seatreconciler.batch.billing.InvoiceLine;
import org.seatreconciler.batch.billing.SeatFigures;
import org.seatreconciler.batch.ledger.BilledDate;
import org.seatreconciler.batch.ledger.BillingHistory;
import org.seatreconciler.batch.ledger.NotBilled;
import org.seatreconciler.batch.ledger.SeatSnapshot;

/**
 * A preview carries snapshots forward as the night does (review finding M4): an organisation not billed on a
 * simulated date without a snapshot keeps the latest one before it, from an earlier simulated date or the ledger.
 */
class SimulatedHistoryTest {

    private static final LocalDate OCT_1 = LocalDate.of(2026, 10, 1);
    private static final LocalDate OCT_2 = LocalDate.of(2026, 10, 2);
    private static final LocalDate OCT_3 = LocalDate.of(2026, 10, 3);
    private static final LocalDate OCT_4 = LocalDate.of(2026, 10, 4);
    private static final SeatFigures FIGURES = new SeatFigures(5, 1, 1, 1, 5, 1, 6, 5, 6);

    @Test
    void anOrganisationNotBilledOnSimulatedDatesKeepsItsLedgerSnapshot() {
        SimulatedHistory history = new SimulatedHistory(new Ledger(List.of(snapshot(OCT_1, "ghost-g"),
                snapshot(OCT_1, "zeta-z"))), OCT_1);
        history.add(new BilledDate(OCT_2, List.of(), List.of(snapshot(OCT_2, "zeta-z")),
                List.of(new NotBilled("ghost-g", "the ledger refused its rows"))));
        history.add(new BilledDate(OCT_3, List.of(), List.of(snapshot(OCT_3, "anchor-a"), snapshot(OCT_3, "zeta-z")),
                List.of(new NotBilled("ghost-g", "the ledger refused its rows"))));

        assertThat(history.latestSnapshotsBefore(OCT_4)).extracting(s -> s.billingDate() + " " + s.orgId())
                .containsExactly("2026-10-03 anchor-a", "2026-10-01 ghost-g", "2026-10-03 zeta-z");
        assertThat(history.latestSnapshotsBefore(OCT_3)).extracting(s -> s.billingDate() + " " + s.orgId())
                .containsExactly("2026-10-01 ghost-g", "2026-10-02 zeta-z");
    }

    private static SeatSnapshot snapshot(LocalDate date, String org) {
        return new SeatSnapshot(date, org, FIGURES, "GROUP", null, null);
    }

    /** A ledger whose latest date before any later one carries {@code carried}. */
    private record Ledger(List<SeatSnapshot> carried) implements BillingHistory {

        @Override
        public Map<String, Integer> seatsInvoiced(LocalDate from, LocalDate to) {
            return Map.of();
        }

        @Override
        public Map<String, Integer> renewals(LocalDate date) {
            return Map.of();
        }

        @Override
        public List<SeatSnapshot> latestSnapshotsBefore(LocalDate date) {
            return date.isAfter(OCT_1) ? carried : List.of();
        }

        @Override
        public List<InvoiceLine> lines(String orgId, LocalDate from, LocalDate to) {
            return List.of();
        }
    }
}
