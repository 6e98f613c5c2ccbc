package org.seatreconciler.local.pipeline;

import java.util.Map;

import org.seatreconciler.streams.StreamsApplication;
import org.seatreconciler.streams.counting.EventOutcomes;
import org.springframework.context.ConfigurableApplicationContext;

/** The streams app's Spring Boot context, started in this JVM for one local run. */
final class SpringStreamsRuntime implements StreamsRuntime {

    private final ConfigurableApplicationContext context;
    private final EventOutcomes outcomes;

    private SpringStreamsRuntime(ConfigurableApplicationContext context) {
        this.context = context;
        this.outcomes = context.getBean(EventOutcomes.class);
    }

    static StreamsRuntime start(LocalSettings settings) {
        return start(settings, Map.of());
    }

    /** With {@code overrides} (e.g. {@code spring.kafka.streams.properties.num.stream.threads}) over the run's settings. */
    static StreamsRuntime start(LocalSettings settings, Map<String, Object> overrides) {
        Map<String, Object> properties = SpringApps.streamsProperties(settings);
        properties.putAll(overrides);
        return new SpringStreamsRuntime(SpringApps.run(StreamsApplication.application(), properties));
    }

    @Override
    public Outcomes outcomes() {
        return Outcomes.of(outcomes.applied(), outcomes.duplicates(), outcomes.rejected());
    }

    @Override
    public void close() {
        context.close();
    }
}
