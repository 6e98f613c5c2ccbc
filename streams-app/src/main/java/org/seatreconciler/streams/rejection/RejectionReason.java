package org.seatreconciler.streams.rejection;

/** Why an input record was not applied (DESIGN.md section 4); the names are the wire values. */
public enum RejectionReason {
    /**
     * Not a Confluent-framed Avro MembershipEvent (wrong magic byte, too short, unknown schema id, a schema
     * of another format or record, one that does not resolve), a wrong key, a missing required field or an
     * identifier that breaks the rule.
     */
    MALFORMED,
    /** An occurredAt more than the tolerance (default 24 hours) after the processing time. */
    FUTURE_TIMESTAMP,
    /** A ROLE_CHANGED whose actor is the member themself. */
    SELF_ROLE_CHANGE,
    /** A ROLE_CHANGED whose actor is missing, not active or not an admin of the organisation. */
    UNAUTHORIZED_ROLE_CHANGE
}
