package org.seatreconciler.batch.billing;

/** What the ledger decision bills: {@code seats} seats for {@code billedDays} of {@code periodDays}. */
public record Charge(LineType lineType, int seats, int periodDays, int billedDays, Money amount) {
}
