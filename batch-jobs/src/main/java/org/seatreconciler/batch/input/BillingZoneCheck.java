package org.seatreconciler.batch.input;

import java.time.DateTimeException;
import java.time.ZoneId;

import org.seatreconciler.avro.OrgSeatDay;
import org.seatreconciler.schemas.Topics;
import org.seatreconciler.schemas.settings.SeatsSettings;

/**
 * Days and billing months must come from one calendar (DESIGN.md section 5): a record of seats.org-daily
 * computed in another billing zone than the job's would put changes on other days and bill them in other
 * months. A record without a zone was written before records carried one; it is taken to be in the job's
 * zone (nothing in it says otherwise, and such records leave the topic with its retention).
 */
final class BillingZoneCheck {

    private final ZoneId jobZone;
    private String lastAccepted;

    BillingZoneCheck(ZoneId jobZone) {
        this.jobZone = jobZone;
        this.lastAccepted = jobZone.getId();
    }

    /** @throws BillingZoneMismatchException naming both zones */
    void check(OrgSeatDay day) {
        String zone = day.getBillingZone();
        if (zone == null || zone.equals(lastAccepted)) {
            return;
        }
        if (!sameZone(zone)) {
            throw new BillingZoneMismatchException(Topics.ORG_DAILY + " record " + Topics.dailyKey(day.getOrgId(),
                    day.getDay()) + " was computed in billing zone " + zone + ", but this job bills in " + jobZone.getId()
                    + " (" + SeatsSettings.BILLING_ZONE_SETTING + "): set the same zone in the streams app and the "
                    + "nightly job");
        }
        lastAccepted = zone;
    }

    /** UTC, Etc/UTC and Z are one calendar; Europe/Paris is not the fixed offset +01:00. */
    private boolean sameZone(String zone) {
        try {
            return ZoneId.of(zone).normalized().equals(jobZone.normalized());
        } catch (DateTimeException e) {
            return false;
        }
    }

    /** The streams app and the job disagree on the billing zone: the night fails. */
    static final class BillingZoneMismatchException extends RuntimeException {
        BillingZoneMismatchException(String message) {
            super(message);
        }
    }
}
