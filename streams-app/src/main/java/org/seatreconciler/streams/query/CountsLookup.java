package org.seatreconciler.streams.query;

/** What a query for one organisation's counts found; the controller maps each case to a status. */
public sealed interface CountsLookup {

    /** The counts, read from this instance's store. */
    record Found(OrgCounts counts) implements CountsLookup {
    }

    /** This instance hosts the organisation's partition and holds no counts for it. */
    record Missing(String orgId) implements CountsLookup {
    }

    /** Another instance hosts the organisation: {@code host:port} is its {@code application.server}. */
    record Elsewhere(String orgId, String host, int port) implements CountsLookup {
    }

    /** No answer now (starting, rebalancing, restoring, stopped); asking again later may work. */
    record Unavailable(String orgId, String reason) implements CountsLookup {
    }
}
