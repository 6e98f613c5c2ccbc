package org.seatreconciler.batch.reports;

/**
 * What the dates billed before D hold for one organisation, as D's reports need it (DESIGN.md sections 6 and 9).
 *
 * @param purchasedBefore       seats invoiced in D's month before D
 * @param renewedOnFirst        seats of its RENEWAL line on the 1st of D's month when D is not the 1st; 0 otherwise
 * @param previousMonthSeats    seats invoiced in the month before D's when D is the 1st; 0 otherwise
 * @param previousRequiredSeats required seats on the previous billed date, or null (not billed then, or a row
 *                              written before the ledger kept them)
 */
public record OrgPrior(int purchasedBefore, int renewedOnFirst, int previousMonthSeats, Integer previousRequiredSeats) {
}
