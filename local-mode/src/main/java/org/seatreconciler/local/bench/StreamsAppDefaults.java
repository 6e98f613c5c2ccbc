package org.seatreconciler.local.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.ClassPathResource;

/** What the streams app's own settings file ({@code streams-app.yml}) sets, for the apps measured beside it. */
final class StreamsAppDefaults {

    static final String COMMIT_INTERVAL = "spring.kafka.streams.properties.commit.interval.ms";
    private static final String STREAMS_PROPERTIES = "spring.kafka.streams.properties";
    private static final String PRODUCER_PREFIX = "producer.";
    /** exactly_once_v2's own default, when the app sets none. */
    private static final long KAFKA_EOS_DEFAULT_MS = 100;

    private StreamsAppDefaults() {
    }

    /** The app's commit interval, so the pass-through app commits as often as it does. */
    static Duration commitInterval() {
        return Duration.ofMillis(binder().bind(COMMIT_INTERVAL, Long.class).orElse(KAFKA_EOS_DEFAULT_MS));
    }

    /** The app's settings of its Kafka Streams producer ({@code producer.*}), which the pass-through app takes too. */
    static Map<String, String> producerSettings() {
        Map<String, String> producer = new TreeMap<>();
        binder().bind(STREAMS_PROPERTIES, Bindable.mapOf(String.class, String.class)).orElse(Map.of())
                .forEach((name, value) -> {
                    if (name.startsWith(PRODUCER_PREFIX)) {
                        producer.put(name, value);
                    }
                });
        return producer;
    }

    private static Binder binder() {
        try {
            var sources = new YamlPropertySourceLoader().load("streams-app.yml", new ClassPathResource("streams-app.yml"));
            return new Binder(ConfigurationPropertySources.from(sources));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the streams app's streams-app.yml", e);
        }
    }
}
