package org.seatreconciler.schemas.registry;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * How the registry client reaches a registry behind TLS or a login, from the client properties Confluent's
 * serializers read (so a Kafka client properties file or Spring's {@code spring.kafka.properties.*} carries
 * them beside the Kafka settings):
 * <ul>
 *   <li>{@code schema.registry.ssl.truststore.location} / {@code .password} / {@code .type}: the certificates
 *       an {@code https://} registry is trusted by (default: the JVM's own trust store);</li>
 *   <li>{@code basic.auth.credentials.source} = {@code USER_INFO} with {@code basic.auth.user.info} =
 *       {@code user:password}, or {@code URL} for the user info of the registry URL: HTTP Basic.</li>
 * </ul>
 */
public record RegistryClientSettings(Optional<SSLContext> sslContext, Optional<String> authorization) {

    public static final String TRUSTSTORE_LOCATION = "schema.registry.ssl.truststore.location";
    public static final String TRUSTSTORE_PASSWORD = "schema.registry.ssl.truststore.password";
    public static final String TRUSTSTORE_TYPE = "schema.registry.ssl.truststore.type";
    public static final String CREDENTIALS_SOURCE = "basic.auth.credentials.source";
    public static final String USER_INFO = "basic.auth.user.info";

    public static RegistryClientSettings none() {
        return new RegistryClientSettings(Optional.empty(), Optional.empty());
    }

    /**
     * @throws IllegalArgumentException naming the property, when a setting is incomplete or its trust store
     *                                  cannot be read
     */
    public static RegistryClientSettings from(String url, Map<String, ?> configs) {
        return new RegistryClientSettings(sslContext(configs), authorization(url, configs));
    }

    private static Optional<SSLContext> sslContext(Map<String, ?> configs) {
        String location = text(configs, TRUSTSTORE_LOCATION);
        if (location == null) {
            return Optional.empty();
        }
        String password = text(configs, TRUSTSTORE_PASSWORD);
        String type = Optional.ofNullable(text(configs, TRUSTSTORE_TYPE)).orElse(KeyStore.getDefaultType());
        try (InputStream in = Files.newInputStream(Path.of(location))) {
            KeyStore store = KeyStore.getInstance(type);
            store.load(in, password == null ? null : password.toCharArray());
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return Optional.of(context);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("Cannot read the registry trust store " + TRUSTSTORE_LOCATION + "="
                    + location + ": " + e.getMessage(), e);
        }
    }

    private static Optional<String> authorization(String url, Map<String, ?> configs) {
        String source = Optional.ofNullable(text(configs, CREDENTIALS_SOURCE)).map(s -> s.toUpperCase(Locale.ROOT))
                .orElse(text(configs, USER_INFO) != null ? "USER_INFO" : "");
        String userInfo = switch (source) {
            case "" -> null;
            case "USER_INFO" -> required(configs, USER_INFO);
            case "URL" -> Optional.ofNullable(URI.create(url).getRawUserInfo()).orElseThrow(() -> new IllegalArgumentException(
                    CREDENTIALS_SOURCE + "=URL but the registry URL has no user:password@"));
            default -> throw new IllegalArgumentException(CREDENTIALS_SOURCE + " '" + source
                    + "' is not supported (USER_INFO or URL)");
        };
        return Optional.ofNullable(userInfo).map(info -> "Basic "
                + Base64.getEncoder().encodeToString(info.getBytes(StandardCharsets.UTF_8)));
    }

    private static String required(Map<String, ?> configs, String key) {
        String value = text(configs, key);
        if (value == null) {
            throw new IllegalArgumentException(key + " is required with " + CREDENTIALS_SOURCE + "=USER_INFO (user:password)");
        }
        return value;
    }

    private static String text(Map<String, ?> configs, String key) {
        Object value = configs.get(key);
        return value == null || value.toString().isBlank() ? null : value.toString().trim();
    }

    @Override
    public String toString() {
        // never the credentials
        return "RegistryClientSettings[tls=" + sslContext.isPresent() + ", basicAuth=" + authorization.isPresent() + "]";
    }
}
