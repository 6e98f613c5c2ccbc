package org.seatreconciler.batch.reports;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;

import org.seatreconciler.batch.ledger.NotBilled;

/**
 * What a date's files are rendered from, one organisation at a time: streamed from the ledger for a billed date
 * ({@link DateReports#streamed}: a million organisations never sit in memory at once), or held in memory
 * ({@link DateReport}: a preview).
 */
public interface DateContent {

    LocalDate date();

    /** Every organisation not billed on the date, sorted by org_id. */
    List<NotBilled> notBilled();

    /** Gives each organisation of the date, with its report rows, to {@code sink}, in org_id order. */
    void forEachOrganisation(Consumer<OrgReport> sink);
}
