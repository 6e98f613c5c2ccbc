package org.seatreconciler.system.chaos;

import java.time.Instant;

/**
 * A membership event as the test knows it: plain fields, no class of the apps. {@code type} and
 * {@code role} are the names of DESIGN.md section 4; {@code actorId}, {@code role}, {@code admin} and
 * {@code owner} may be null.
 */
record Ev(String eventId, String type, String orgId, String memberId, Instant at, String actorId, String role,
          Boolean admin, Boolean owner) {
}
