package org.seatreconciler.streams.counting;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Decides what to publish when the outputs are published from the record cache, i.e. once per organisation
 * and commit instead of once per event (DESIGN.md section 5: "several changes to one key between two commits
 * may be published as one"). It remembers, for each organisation changed since its store entry was last
 * written through the cache (at a commit, or when the cache evicted it), what was published for it then.
 *
 * <p>At that write-through the organisation's latest day is published, and its counts if they differ from
 * the published ones. A day that ends between two write-throughs (the next event falls on a later day) would
 * never be published with its final value, so it is published at once, when it ends, unless that value is
 * already out.
 *
 * <p>Memory only: after a crash the cache's unwritten entries are gone too and the task resumes from its last
 * commit, so an empty instance agrees with an empty cache. {@link #clear} goes with every (re)initialisation.
 */
final class UnpublishedOrgs {

    /** What a write-through of an organisation's entry publishes. */
    record Publication(boolean counts, boolean latestDay) {
    }

    /** Organisation -> its state as last published (empty: nothing yet), for the organisations changed since. */
    private final Map<String, Optional<OrgState>> published = new HashMap<>();

    void clear() {
        published.clear();
    }

    /**
     * Notes that the organisation changes from {@code stored} (null: none yet) to {@code next}, and returns the
     * day this change ends if its final value is not published yet: publish it now.
     */
    Optional<DailySeats> changing(String orgId, OrgState stored, OrgState next) {
        // an organisation unchanged since its last write-through: what the store holds is what was published
        Optional<OrgState> lastPublished = published.get(orgId);
        if (lastPublished == null) {
            lastPublished = Optional.ofNullable(stored);
            published.put(orgId, lastPublished);
        }
        if (stored == null || !next.latestDay().day().isAfter(stored.latestDay().day())) {
            return Optional.empty();
        }
        boolean alreadyOut = lastPublished.isPresent() && lastPublished.get().latestDay().equals(stored.latestDay());
        return alreadyOut ? Optional.empty() : Optional.of(stored.latestDay());
    }

    /** The organisation's entry is written through the cache with {@code state}: what to publish for it now. */
    Publication writtenThrough(String orgId, OrgState state) {
        Optional<OrgState> lastPublished = published.remove(orgId);
        if (lastPublished == null) {
            // not changed through this instance (cannot happen while the cache and this map start empty together):
            // publishing what it holds is never wrong
            return new Publication(state.hasCounts(), true);
        }
        OrgState before = lastPublished.orElse(null);
        return new Publication(state.hasCounts() && (before == null || !state.sameCountsAs(before)),
                before == null || !state.latestDay().equals(before.latestDay()));
    }
}
