package org.seatreconciler.streams.config;

import java.time.Duration;

import org.seatreconciler.schemas.settings.SeatsSettings;
import org.seatreconciler.streams.counting.TopologySettings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * This app's own settings, {@code seats.streams.*}; what it shares with the nightly job is
 * {@link SeatsSettings}. Settable from the environment by relaxed binding, e.g.
 * {@code SEATS_STREAMS_DEDUPRETENTION=14d}.
 *
 * @param dedupRetention how long an applied eventId is remembered for duplicate detection
 */
@ConfigurationProperties("seats.streams")
public record StreamsProperties(@DefaultValue("30d") Duration dedupRetention) {

    public TopologySettings topologySettings(SeatsSettings seats) {
        SeatsSettings.TopicSettings t = seats.topics();
        return new TopologySettings(t.membershipEvents(), t.rejected(), t.orgCounts(), t.orgDaily(),
                seats.billingZone(), dedupRetention);
    }
}
