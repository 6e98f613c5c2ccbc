package org.seatreconciler.local.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.ClassPathResource;

/** What the streams app's own settings file ({@code streams-app.yml}) sets, for the apps measured beside it. */
final class StreamsAppDefaults {

    static final String COMMIT_INTERVAL = "spring.kafka.streams.properties.commit.interval.ms";
    /** exactly_once_v2's own default, when the app sets none. */
    private static final long KAFKA_EOS_DEFAULT_MS = 100;

    private StreamsAppDefaults() {
    }

    /** The app's commit interval, so the pass-through app commits as often as it does. */
    static Duration commitInterval() {
        try {
            var sources = new YamlPropertySourceLoader().load("streams-app.yml", new ClassPathResource("streams-app.yml"));
            return Duration.ofMillis(new Binder(ConfigurationPropertySources.from(sources)).bind(COMMIT_INTERVAL, Long.class)
                    .orElse(KAFKA_EOS_DEFAULT_MS));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the streams app's streams-app.yml", e);
        }
    }
}
