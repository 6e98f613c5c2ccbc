package org.seatreconciler.batch.input;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.seatreconciler.batch.billing.BillingInput;
import org.seatreconciler.batch.billing.SeatFigures;

/**
 * The billing inputs of one date, one per organisation, sorted by org_id, and split among the partitions of the
 * billing step ({@link OrgPartition}): each partition reads its own organisations, in org_id order, by index, so
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
    /** Per partition, the indexes of its organisations in {@link #orgs}, ascending. */
    private final int[][] partitions;

    DateInputs(LocalDate date, BillingSnapshot topics, String[] orgs, SeatFigures[] carried, int[] purchased,
            int partitionCount) {
        this.date = date;
        this.topics = topics;
        this.orgs = orgs;
        this.carried = carried;
        this.purchased = purchased;
        this.partitions = split(orgs, partitionCount);
    }

    public LocalDate date() {
        return date;
    }

    public int partitions() {
        return partitions.length;
    }

    /** Organisations of the date. */
    public int size() {
        return orgs.length;
    }

    /** Organisations of {@code partition}. */
    public int size(int partition) {
        return partitions[partition].length;
    }

    /** The {@code index}th organisation of {@code partition}, in org_id order. */
    public BillingInput get(int partition, int index) {
        return input(partitions[partition][index]);
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

    private static int[][] split(String[] orgs, int partitionCount) {
        int[] partitionOf = new int[orgs.length];
        int[] sizes = new int[partitionCount];
        for (int i = 0; i < orgs.length; i++) {
            partitionOf[i] = partitionCount == 1 ? 0 : OrgPartition.of(orgs[i], partitionCount);
            sizes[partitionOf[i]]++;
        }
        int[][] partitions = new int[partitionCount][];
        for (int p = 0; p < partitionCount; p++) {
            partitions[p] = new int[sizes[p]];
        }
        int[] filled = new int[partitionCount];
        for (int i = 0; i < orgs.length; i++) {
            partitions[partitionOf[i]][filled[partitionOf[i]]++] = i;
        }
        return partitions;
    }
}
