package org.seatreconciler.batch.input;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.seatreconciler.batch.billing.BillingInput;
import org.seatreconciler.batch.billing.SeatFigures;

/**
 * The billing inputs of one date, one per organisation, sorted by org_id, and split among the partitions of the
 * billing step ({@link #split}): each partition reads its own organisations, in org_id order, by index, so
 * a restarted partition carries on after the count Batch restored. An input is made when it is read; what is
 * kept per organisation is its id, an int and, for an organisation billed from its previous snapshot, its
 * figures.
 */
public final class DateInputs {

    private final LocalDate date;
    private final BillingSnapshot topics;
    private final String[] orgs;
    /** Figures from the previous billed date's snapshot, where seats.org-daily has none; else null. */
    private final SeatFigures[] carried;
    private final int[] purchased;
    /** Partition p's organisations are those from {@code starts[p]} to {@code starts[p + 1]} in {@link #orgs}. */
    private final int[] starts;

    DateInputs(LocalDate date, BillingSnapshot topics, String[] orgs, SeatFigures[] carried, int[] purchased,
            int partitionCount) {
        this.date = date;
        this.topics = topics;
        this.orgs = orgs;
        this.carried = carried;
        this.purchased = purchased;
        this.starts = split(orgs.length, partitionCount);
    }

    public LocalDate date() {
        return date;
    }

    public int partitions() {
        return starts.length - 1;
    }

    /** Organisations of the date. */
    public int size() {
        return orgs.length;
    }

    /** Organisations of {@code partition}. */
    public int size(int partition) {
        return starts[partition + 1] - starts[partition];
    }

    /** The {@code index}th organisation of {@code partition}, in org_id order. */
    public BillingInput get(int partition, int index) {
        return input(starts[partition] + index);
    }

    /** Every input of the date, in org_id order. */
    public void forEach(Consumer<BillingInput> sink) {
        for (int i = 0; i < orgs.length; i++) {
            sink.accept(input(i));
        }
    }

    /** Every input of the date, in org_id order, in one list (a preview, which holds a date in memory anyway). */
    public List<BillingInput> list() {
        List<BillingInput> inputs = new ArrayList<>(orgs.length);
        forEach(inputs::add);
        return inputs;
    }

    private BillingInput input(int i) {
        String org = orgs[i];
        DailyHistory daily = topics.daily();
        SeatFigures figures = carried[i] != null ? carried[i] : daily.figures(org, date);
        String undecodable = topics.undecodable().reasonOn(org, date, daily.latestDay(org, date));
        return new BillingInput(date, org, figures, topics.plans().get(org), purchased[i], undecodable);
    }

    /**
     * Where each partition's organisations start: partition {@code p} gets the p-th of {@code partitionCount} runs
     * of consecutive organisations in org_id order. Each partition's ledger rows then go into their own range of
     * the tables' primary keys, in ascending order, where interleaved ids (a hash split) had every chunk touch
     * pages all over the indexes, and two threads billed slower than one (issue 10, phase 2).
     */
    private static int[] split(int organisations, int partitionCount) {
        int[] starts = new int[partitionCount + 1];
        for (int p = 0; p <= partitionCount; p++) {
            starts[p] = (int) ((long) organisations * p / partitionCount);
        }
        return starts;
    }
}
