package org.seatreconciler.batch.ledger;

/**
 * An organisation not billed on a date and why: an entry of summary.json's {@code notBilled}.
 *
 * @param orgId as shown ({@link org.seatreconciler.schemas.events.Identifiers#shown}): a valid id unchanged
 */
public record NotBilled(String orgId, String reason) {

    @Override
    public String toString() {
        return orgId + ": " + reason;
    }
}
