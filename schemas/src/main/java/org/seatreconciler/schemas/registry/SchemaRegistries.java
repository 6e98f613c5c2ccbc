package org.seatreconciler.schemas.registry;

import java.time.Duration;
import java.util.Map;

/** Chooses the registry client for a {@code schema.registry.url}. */
public final class SchemaRegistries {

    public static final String URL_CONFIG = "schema.registry.url";
    public static final String MOCK_PREFIX = "mock://";

    private SchemaRegistries() {
    }

    /**
     * {@code mock://scope} gives the JVM-wide in-memory registry of that scope; anything else is the
     * base URL of a Confluent-compatible registry (the first of a comma-separated list).
     */
    public static SchemaRegistryClient forUrl(String url) {
        return forUrl(url, Map.of());
    }

    /**
     * As {@link #forUrl(String)}, reaching a registry behind TLS or HTTP Basic as the client properties say
     * ({@link RegistryClientSettings}: Confluent's {@code schema.registry.ssl.truststore.*} and
     * {@code basic.auth.*}); other properties are ignored, so a whole Kafka client configuration can be passed.
     */
    public static SchemaRegistryClient forUrl(String url, Map<String, ?> clientProperties) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException(URL_CONFIG + " is not set");
        }
        String first = url.split(",")[0].trim();
        if (first.startsWith(MOCK_PREFIX)) {
            return InMemorySchemaRegistry.scope(first.substring(MOCK_PREFIX.length()));
        }
        return new RestSchemaRegistryClient(first, Duration.ofSeconds(10), RegistryClientSettings.from(first, clientProperties));
    }
}
