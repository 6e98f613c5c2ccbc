package org.seatreconciler.local.bench;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The streams app's settings for one bench run: its own ({@code streams-app.yml}) with the bench's
 * Kafka Streams settings over them ({@code --streams-props}) and the thread count of the layout.
 */
record AppTuning(Map<String, String> streamsProperties) {

    static final String PREFIX = "spring.kafka.streams.properties.";
    static final String THREADS = PREFIX + "num.stream.threads";

    AppTuning {
        streamsProperties = Map.copyOf(streamsProperties);
    }

    /** The commit interval the topology runs with, which the pass-through app takes too. */
    Duration commitInterval() {
        String set = streamsProperties.get("commit.interval.ms");
        return set != null ? Duration.ofMillis(Long.parseLong(set)) : StreamsAppDefaults.commitInterval();
    }

    /**
     * The pass-through app's Kafka Streams settings besides its commit interval: the app's producer settings
     * ({@code streams-app.yml}, then {@code --streams-props}), so that Q copies records under the same batching.
     */
    Map<String, String> passThroughSettings() {
        Map<String, String> settings = new LinkedHashMap<>(StreamsAppDefaults.producerSettings());
        streamsProperties.forEach((name, value) -> {
            if (name.startsWith("producer.")) {
                settings.put(name, value);
            }
        });
        return settings;
    }

    /** The settings to start the app with, as Spring properties. */
    Map<String, Object> springProperties(int threads) {
        Map<String, Object> properties = new LinkedHashMap<>();
        streamsProperties.forEach((name, value) -> properties.put(PREFIX + name, value));
        properties.put(THREADS, threads);
        return properties;
    }
}
