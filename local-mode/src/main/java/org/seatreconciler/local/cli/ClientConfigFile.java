package org.seatreconciler.local.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/** {@code --client-config}: a Kafka client properties file, as Kafka's own tools take ({@code --command-config}). */
final class ClientConfigFile {

    private ClientConfigFile() {
    }

    static Map<String, String> read(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            throw new UsageException("--client-config " + file + " is not a properties file: " + e.getMessage());
        }
        Map<String, String> config = new TreeMap<>();
        properties.stringPropertyNames().forEach(name -> config.put(name, properties.getProperty(name).trim()));
        return config;
    }
}
