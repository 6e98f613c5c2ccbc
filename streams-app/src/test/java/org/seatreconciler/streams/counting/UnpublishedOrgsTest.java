package org.seatreconciler.streams.counting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

/** What is published when an organisation's cached state is written through (once per commit). */
class UnpublishedOrgsTest {

    private static final String ORG = "org-7";
    private static final ZoneId UTC = ZoneId.of("UTC");

    private final UnpublishedOrgs unpublished = new UnpublishedOrgs();

    @Test
    void severalChangesBetweenTwoWriteThroughsArePublishedOnce() {
        MemberState a = Members.standard();
        MemberState b = Members.support();
        OrgState first = change(null, MemberState.UNKNOWN, a, "2026-11-02T09:00:00Z");
        OrgState second = change(first, MemberState.UNKNOWN, b, "2026-11-02T09:05:00Z");

        assertThat(unpublished.writtenThrough(ORG, second)).isEqualTo(new UnpublishedOrgs.Publication(true, true));
    }

    @Test
    void countsAreNotPublishedAgainWhenOnlyTheDayMoved() {
        MemberState a = Members.standard();
        OrgState published = change(null, MemberState.UNKNOWN, a, "2026-11-02T09:00:00Z");
        unpublished.writtenThrough(ORG, published);

        OrgState sameCounts = change(published, a, a, "2026-11-02T10:00:00Z");

        assertThat(unpublished.writtenThrough(ORG, sameCounts)).isEqualTo(new UnpublishedOrgs.Publication(false, true));
    }

    @Test
    void countsThatCameBackToThePublishedFiguresAtALaterTimeArePublished() {
        MemberState a = Members.standard();
        OrgState published = change(null, MemberState.UNKNOWN, a, "2026-11-02T09:00:00Z");
        unpublished.writtenThrough(ORG, published);

        OrgState removed = change(published, a, MemberState.UNKNOWN, "2026-11-02T10:00:00Z");
        OrgState back = change(removed, MemberState.UNKNOWN, a, "2026-11-02T11:00:00Z");

        UnpublishedOrgs.Publication publication = unpublished.writtenThrough(ORG, back);
        assertThat(back.figures()).isEqualTo(published.figures());
        assertThat(publication).isEqualTo(new UnpublishedOrgs.Publication(true, true));
    }

    @Test
    void anOrganisationWhoseCountsNeverChangedPublishesItsDayOnly() {
        OrgState noOp = change(null, MemberState.UNKNOWN, MemberState.UNKNOWN, "2026-11-02T09:00:00Z");

        assertThat(unpublished.writtenThrough(ORG, noOp)).isEqualTo(new UnpublishedOrgs.Publication(false, true));
    }

    @Test
    void aDayThatEndsBetweenTwoWriteThroughsIsPublishedWhenTheNextBegins_eachDayWithItsFinalValue() {
        MemberState a = Members.standard();
        MemberState b = Members.support();
        OrgState published = change(null, MemberState.UNKNOWN, a, "2026-11-02T09:00:00Z");
        unpublished.writtenThrough(ORG, published);
        OrgState lateOnNov2 = change(published, MemberState.UNKNOWN, b, "2026-11-02T23:00:00Z");
        OrgState nov3 = next(lateOnNov2, b, MemberState.UNKNOWN, "2026-11-03T08:00:00Z");

        assertThat(unpublished.changing(ORG, lateOnNov2, nov3)).contains(lateOnNov2.latestDay());
        OrgState nov4 = next(nov3, MemberState.UNKNOWN, b, "2026-11-04T08:00:00Z");
        assertThat(unpublished.changing(ORG, nov3, nov4)).contains(nov3.latestDay());
        assertThat(lateOnNov2.latestDay().day()).isEqualTo(LocalDate.parse("2026-11-02"));
        assertThat(lateOnNov2.latestDay().close().totalMembers()).isEqualTo(2);
        assertThat(nov3.latestDay().close().totalMembers()).isEqualTo(1);
        assertThat(unpublished.writtenThrough(ORG, nov4)).isEqualTo(new UnpublishedOrgs.Publication(true, true));
    }

    @Test
    void aDayAlreadyPublishedWithItsFinalValueIsNotPublishedAgainWhenItEnds() {
        MemberState a = Members.standard();
        OrgState published = change(null, MemberState.UNKNOWN, a, "2026-11-02T09:00:00Z");
        unpublished.writtenThrough(ORG, published);

        OrgState nov3 = next(published, a, a, "2026-11-03T08:00:00Z");

        assertThat(unpublished.changing(ORG, published, nov3)).isEmpty();
    }

    @Test
    void anEventOnTheLatestDayOrClampedToItEndsNoDay() {
        MemberState a = Members.standard();
        OrgState nov3 = next(null, MemberState.UNKNOWN, a, "2026-11-03T09:00:00Z");
        assertThat(unpublished.changing(ORG, null, nov3)).isEmpty();

        OrgState late = next(nov3, a, MemberState.UNKNOWN, "2026-11-02T09:00:00Z");

        assertThat(late.latestDay().day()).isEqualTo(LocalDate.parse("2026-11-03"));
        assertThat(unpublished.changing(ORG, nov3, late)).isEmpty();
    }

    @Test
    void afterClearAnOrganisationNotSeenIsPublishedInFull() {
        MemberState a = Members.standard();
        OrgState published = change(null, MemberState.UNKNOWN, a, "2026-11-02T09:00:00Z");
        unpublished.writtenThrough(ORG, published);
        OrgState same = change(published, a, a, "2026-11-02T10:00:00Z");
        unpublished.changing(ORG, published, same);

        unpublished.clear();

        assertThat(unpublished.writtenThrough(ORG, same)).isEqualTo(new UnpublishedOrgs.Publication(true, true));
    }

    /** The organisation after a change, noted as the processor notes it before it writes the store; it ends no day. */
    private OrgState change(OrgState stored, MemberState before, MemberState after, String at) {
        OrgState next = next(stored, before, after, at);
        assertThat(unpublished.changing(ORG, stored, next)).isEmpty();
        return next;
    }

    private static OrgState next(OrgState stored, MemberState before, MemberState after, String at) {
        return OrgState.after(stored, before, after, Instant.parse(at), UTC);
    }
}
