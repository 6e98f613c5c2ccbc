package org.seatreconciler.streams.config;

import org.seatreconciler.streams.topics.TopicConfigCheck;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

/**
 * Runs the {@link TopicConfigCheck} once, just before the streams client starts: after KafkaAdmin has created
 * the missing topics (at the end of the context's refresh, before any lifecycle starts), and only when the
 * streams client starts by itself (not in a context made to look at the wiring without a broker).
 */
final class TopicCheckLifecycle implements SmartLifecycle {

    private final TopicConfigCheck check;
    private final StreamsBuilderFactoryBean streams;
    private volatile boolean running;

    TopicCheckLifecycle(TopicConfigCheck check, StreamsBuilderFactoryBean streams) {
        this.check = check;
        this.streams = streams;
    }

    @Override
    public void start() {
        check.run();
        running = true;
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public boolean isAutoStartup() {
        return streams.isAutoStartup();
    }

    @Override
    public int getPhase() {
        return streams.getPhase() - 1;
    }
}
