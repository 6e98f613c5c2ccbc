package org.seatreconciler.streams.rejection;

/** Why an input record was not applied (DESIGN.md section 4); the names are the wire values. */
public enum RejectionReason {
    /** Undecodable bytes, a wrong key, or a missing or empty required field. */
    MALFORMED,
    /** A ROLE_CHANGED whose actor is the member themself. */
    SELF_ROLE_CHANGE,
    /** A ROLE_CHANGED whose actor is missing, not active or not an admin of the organisation. */
    UNAUTHORIZED_ROLE_CHANGE
}
