package org.seatreconciler.batch.launch;

import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Which dates a command may ask for (DESIGN.md section 6): a date is billed once it has ended in the billing
 * zone, so billing accepts yesterday at the latest (and so does its catch-up, which never goes past the date
 * asked). A preview is "a dry run for any date, today included": up to today. Explain bills nothing and explains
 * a date not billed yet from its preview, so it follows the preview.
 */
final class BillableDate {

    private BillableDate() {
    }

    /**
     * @param today today in the billing zone (from the injected clock)
     * @throws IllegalArgumentException with the one-line message for the operator (an argument error)
     */
    static void check(LocalDate asked, JobArguments command, LocalDate today, ZoneId zone) {
        if (command.explain() == null && !command.preview()) {
            if (!asked.isBefore(today)) {
                throw new IllegalArgumentException("Cannot bill " + asked + ": the day has not ended in the billing zone "
                        + zone + " (today there is " + today + "); the latest date that can be billed is "
                        + today.minusDays(1));
            }
        } else if (asked.isAfter(today)) {
            throw new IllegalArgumentException("Cannot " + (command.preview() ? "preview " : "explain ") + asked
                    + ": it is after today (" + today + ") in the billing zone " + zone + "; a preview or an explanation "
                    + "goes up to today");
        }
    }
}
