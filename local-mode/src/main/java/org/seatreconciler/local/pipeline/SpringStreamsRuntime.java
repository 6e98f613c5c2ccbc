package org.seatreconciler.local.pipeline;

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
        return new SpringStreamsRuntime(SpringApps.run(StreamsApplication.application(),
                SpringApps.streamsProperties(settings)));
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
