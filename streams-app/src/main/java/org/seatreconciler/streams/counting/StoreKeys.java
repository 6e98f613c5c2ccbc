package org.seatreconciler.streams.counting;

/**
 * Keys of the stores that hold something per organisation and id (a member, an applied eventId):
 * {@code <length of orgId>:<orgId><id>}. The length prefix makes the key unambiguous whatever the ids
 * hold: with a separator instead, org {@code n} with member {@code a\0b} and org {@code n\0a} with member
 * {@code b} shared a key and counts went negative. The identifier rule now keeps such ids out; the keys
 * do not rely on it. All keys of one organisation share the prefix {@code <length>:<orgId>}, so they stay
 * together in the store (a prefix scan finds them).
 */
final class StoreKeys {

    private StoreKeys() {
    }

    static String of(String orgId, String id) {
        return orgId.length() + ":" + orgId + id;
    }

    /**
     * The key the member store used before this format, orgId + NUL + memberId: still looked up (and moved
     * to {@link #of}) when a member is not found, so a running app keeps its members across the upgrade.
     * Unambiguous for ids that pass the identifier rule, which has no NUL.
     */
    static String legacy(String orgId, String id) {
        return legacyPrefix(orgId) + id;
    }

    /** What every {@link #legacy} key of the organisation starts with, and no {@link #of} key does. */
    static String legacyPrefix(String orgId) {
        return orgId + '\u0000';
    }
}
