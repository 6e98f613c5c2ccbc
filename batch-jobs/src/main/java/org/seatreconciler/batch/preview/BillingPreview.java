package org.seatreconciler.batch.preview;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import org.seatreconciler.batch.BillingFailedException;
import org.seatreconciler.batch.billing.BillingCalculator;
import org.seatreconciler.batch.billing.BillingInput;
import org.seatreconciler.batch.billing.BillingPeriod;
import org.seatreconciler.batch.billing.OrgBilling;
import org.seatreconciler.batch.files.BillingFiles;
import org.seatreconciler.batch.files.BillingSummary;
import org.seatreconciler.batch.input.BillingSnapshot;
import org.seatreconciler.batch.input.DateInputs;
import org.seatreconciler.batch.input.InputGuard;
import org.seatreconciler.batch.input.TopicReads;
import org.seatreconciler.batch.ledger.BilledDate;
import org.seatreconciler.batch.ledger.LedgerRepository;
import org.seatreconciler.batch.order.BillingOrder;
import org.seatreconciler.batch.order.CompletedDates;
import org.seatreconciler.batch.reports.DateContent;
import org.seatreconciler.batch.reports.DateReport;
import org.seatreconciler.batch.reports.DateReports;

/**
 * A dry run (DESIGN.md section 6, "Preview"): the files a date would get, computed from the figures known now
 * into {@code <out>/preview/<date>/}. It reads seats.org-daily and billing.org-plans up to their end offsets now,
 * without waiting for the streams app, and reads the ledger, but writes neither the ledger nor the job
 * repository and takes no lease, so it can run while a nightly run bills.
 *
 * <p>purchased_before of a date D counts every earlier date of D's month. With L the latest billed date, the
 * dates L + 1 .. D - 1 are not billed yet, but the nightly run will bill them before D; so they are computed
 * first, in memory, in order, and their seats count as bought before D (a preview of today, before last
 * night's run, shows what tonight's run will bill). A date up to L is computed from the ledger as it stood
 * before it, which gives a billed date's own files when the figures have not changed since.
 */
public class BillingPreview {

    private final TopicReads reads;
    private final LedgerRepository ledger;
    private final CompletedDates completedDates;
    private final BillingCalculator calculator;
    private final InputGuard guard;
    private final DateReports reports;
    private final BillingFiles files;
    private final LongSupplier unprocessedEvents;
    private final int maxDates;

    /**
     * @param files             the job's files: previews go to their {@link BillingFiles#previews()}
     * @param unprocessedEvents the streams app's lag on the membership events now (a note on the figures)
     * @param maxDates          the most dates computed in one preview (seats.billing.max-catch-up-dates)
     */
    public BillingPreview(TopicReads reads, LedgerRepository ledger, CompletedDates completedDates,
            BillingCalculator calculator, InputGuard guard, DateReports reports, BillingFiles files,
            LongSupplier unprocessedEvents, int maxDates) {
        this.reads = reads;
        this.ledger = ledger;
        this.completedDates = completedDates;
        this.calculator = calculator;
        this.guard = guard;
        this.reports = reports;
        this.files = files;
        this.unprocessedEvents = unprocessedEvents;
        this.maxDates = maxDates;
    }

    /**
     * Writes {@code <out>/preview/<date>/} for every date from {@code from} to {@code to}.
     *
     * @throws BillingFailedException with a one-line message
     */
    public List<PreviewRun> preview(LocalDate from, LocalDate to) {
        long unprocessed = unprocessed();
        BillingFiles previews = files.previews();
        if (rendersAsComputed(from, to)) {
            BillingSummary summary = failingAsPreviewOf(to, () -> previews.write(computedAlone(to)));
            return List.of(new PreviewRun(to, previews.folder(to), summary, List.of(), unprocessed));
        }
        Preview preview = compute(from, to);
        List<PreviewRun> runs = new ArrayList<>();
        for (DateReport report : preview.reports()) {
            BillingSummary summary = previews.write(report);
            runs.add(new PreviewRun(report.date(), previews.folder(report.date()), summary,
                    runs.isEmpty() ? preview.computedFirst() : List.of(), unprocessed));
        }
        return runs;
    }

    /**
     * The reports of {@code from} .. {@code to} from the figures known now, nothing written. For a new ledger
     * the computation starts at {@code from}, as the first run of a new ledger bills the date asked alone.
     *
     * @throws BillingFailedException with a one-line message
     */
    public Preview compute(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException(to + " is before " + from);
        }
        return failingAsPreviewOf(to, () -> {
            LocalDate latest = completedDates.latest().orElse(null);
            LocalDate start = latest != null && from.isAfter(latest) ? latest.plusDays(1) : from;
            long dates = ChronoUnit.DAYS.between(start, to) + 1;
            if (dates > maxDates) {
                throw new BillingFailedException("Cannot preview " + to + ": " + start + " .. " + to + " (" + dates
                        + " dates) would be computed, more than " + BillingOrder.MAX_DATES_SETTING + " (" + maxDates
                        + ") allows in one run");
            }
            return compute(start, from, to, latest);
        });
    }

    /**
     * Whether the preview of {@code from} .. {@code to} is rendered as it is computed: one date, with no date before
     * it to compute first (every earlier date is billed, or the ledger is new). Its organisations are then held as
     * their inputs only (about 200 bytes each), not as lines and reports, and a million fit the nightly job's heap.
     * Otherwise the dates, those computed first and the one asked, are held in memory ({@link #compute}).
     */
    public boolean rendersAsComputed(LocalDate from, LocalDate to) {
        if (!from.equals(to)) {
            return false;
        }
        LocalDate latest = completedDates.latest().orElse(null);
        if (latest == null) {
            // a new ledger is not read (SimulatedHistory): rows before the date are a first night still running, or
            // one that crashed, and its chunks must not reach a preview
            return ledger.latestSnapshotDateBefore(to).isEmpty();
        }
        return !to.isAfter(latest.plusDays(1));
    }

    /** {@code date} billed as its files are written (what {@link #compute} gives for it, as the preview tests check). */
    private DateContent computedAlone(LocalDate date) {
        return reports.computed(checkedInputs(date), calculator);
    }

    /**
     * One organisation's part of {@code date}, for a date that {@link #rendersAsComputed} (an explanation): the
     * date's inputs are read and checked as for its preview, only the organisation is billed, and what the dates
     * before hold for it is read by key. What {@link #compute} gives for it, as the preview tests check.
     *
     * @throws BillingFailedException with a one-line message
     */
    public DateReport computedFor(String orgId, LocalDate date) {
        return failingAsPreviewOf(date, () -> {
            List<OrgBilling> billing = new ArrayList<>(1);
            checkedInputs(date).forEach(input -> {
                if (input.orgId().equals(orgId)) {
                    billing.add(calculator.bill(input));
                }
            });
            return reports.of(BilledDate.of(date, billing), ledger.history(orgId));
        });
    }

    /** The inputs of {@code date}, which no date before it needs computing for, checked as a night checks them. */
    private DateInputs checkedInputs(LocalDate date) {
        DateInputs inputs = reads.read(reads.endOffsets(), date, date).inputs(date, ledger, 1);
        guard.check(inputs);
        return inputs;
    }

    /**
     * {@code work}, its failures in one line naming the preview of {@code date}; a folder, database or registry
     * failure is still told by its cause (exit 3), anything else is the preview's failure (exit 1).
     */
    private static <T> T failingAsPreviewOf(LocalDate date, Supplier<T> work) {
        try {
            return work.get();
        } catch (BillingFailedException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new BillingFailedException("Preview of " + date + " failed: " + oneLine(e), e);
        }
    }

    private Preview compute(LocalDate start, LocalDate from, LocalDate to, LocalDate latest) {
        SimulatedHistory history = new SimulatedHistory(ledger, latest);
        BillingSnapshot figures = reads.read(reads.endOffsets(), start, to);
        List<DateReport> asked = new ArrayList<>();
        List<LocalDate> computedFirst = new ArrayList<>();
        for (LocalDate date = start; !date.isAfter(to); date = date.plusDays(1)) {
            List<BillingInput> inputs = figures.inputs(date, history.latestSnapshotsBefore(date),
                    history.seatsInvoiced(BillingPeriod.containing(date).start(), date));
            guard.check(inputs);
            BilledDate billed = BilledDate.of(date, inputs.stream().map(calculator::bill).toList());
            DateReport report = reports.of(billed, history);
            if (latest == null || date.isAfter(latest)) {
                history.add(billed);
            }
            if (date.isBefore(from)) {
                computedFirst.add(date);
            } else {
                asked.add(report);
            }
        }
        return new Preview(asked, computedFirst, history);
    }

    private long unprocessed() {
        try {
            return unprocessedEvents.getAsLong();
        } catch (RuntimeException e) {
            return -1;
        }
    }

    private static String oneLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.replaceAll("\\s*[\\r\\n]+\\s*", " ").trim();
    }
}
