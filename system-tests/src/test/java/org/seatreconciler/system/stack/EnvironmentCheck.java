package org.seatreconciler.system.stack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.server.config.AbstractKafkaConfig;
import org.yaml.snakeyaml.Yaml;

/**
 * Finds the variables of a compose service that nothing reads: a misspelt {@code SEATS_TOPICS_CREAT} would
 * otherwise be ignored in silence and the app would run on its default. Each kind of service is checked
 * against what really reads its environment:
 * <ul>
 *   <li>a Spring Boot app: the variable, read by relaxed binding ({@code SPRING_KAFKA_BOOTSTRAPSERVERS} =
 *       {@code spring.kafka.bootstrap-servers}), must name a key of the app's own settings file, a placeholder
 *       in it, or a property of the configuration metadata of the jars inside the runnable jar (map-valued
 *       properties such as {@code spring.kafka.properties} take any key below them);</li>
 *   <li>the Kafka image: {@code KAFKA_*} must be a broker config ({@code KAFKA_LOG_DIRS} = {@code log.dirs});</li>
 *   <li>Apicurio: {@code APICURIO_*} / {@code QUARKUS_*} must be keys of the app's application.properties or
 *       the Quarkus HTTP settings;</li>
 *   <li>a script: it must use the variable ({@code ${NAME}}).</li>
 * </ul>
 */
public final class EnvironmentCheck {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([a-z0-9.\\-]+)[:}]");
    private static final Set<String> KAFKA_IMAGE = Set.of("CLUSTER_ID");
    private static final Set<String> POSTGRES_IMAGE = Set.of("POSTGRES_DB", "POSTGRES_USER", "POSTGRES_PASSWORD");
    private static final Set<String> QUARKUS_CORE = Set.of("quarkus.http.port", "quarkus.http.host",
            "quarkus.management.port", "quarkus.management.host");

    private EnvironmentCheck() {
    }

    /** Variables of a Spring Boot app that no setting of {@code execJar} (with its settings file {@code configName}.yml) binds. */
    public static Set<String> unreadBySpringApp(Map<String, String> env, Path execJar, String configName) {
        Known known = springSettings(execJar, configName);
        Set<String> unread = new TreeSet<>();
        for (String variable : env.keySet()) {
            boolean read = known.exact().contains(variable)
                    || known.maps().stream().anyMatch(prefix -> variable.startsWith(prefix + "_"));
            if (!read) {
                unread.add(variable);
            }
        }
        return unread;
    }

    static Set<String> unreadByKafka(Map<String, String> env) {
        Set<String> configs = AbstractKafkaConfig.CONFIG_DEF.names();
        Set<String> unread = new TreeSet<>();
        env.keySet().forEach(variable -> {
            boolean read = KAFKA_IMAGE.contains(variable)
                    || (variable.startsWith("KAFKA_") && configs.contains(kafkaConfigName(variable)));
            if (!read) {
                unread.add(variable);
            }
        });
        return unread;
    }

    /** The apache/kafka image's rule: KAFKA_ dropped, ___ is -, __ is _, _ is . (KAFKA_LOG_DIRS = log.dirs). */
    static String kafkaConfigName(String variable) {
        return variable.substring("KAFKA_".length()).replace("___", "-").replace("__", "\u0000").replace('_', '.')
                .replace('\u0000', '_').toLowerCase(Locale.ROOT);
    }

    static Set<String> unreadByApicurio(Map<String, String> env, Path appJar) {
        Set<String> keys = new HashSet<>(QUARKUS_CORE);
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(appJar))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                if (entry.getName().equals("application.properties")) {
                    Properties properties = new Properties();
                    properties.load(zip);
                    keys.addAll(properties.stringPropertyNames());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<String> unread = new TreeSet<>();
        env.keySet().forEach(variable -> {
            if (!keys.contains(variable.toLowerCase(Locale.ROOT).replace('_', '.'))) {
                unread.add(variable);
            }
        });
        return unread;
    }

    static Set<String> unreadByPostgresImage(Map<String, String> env) {
        Set<String> unread = new TreeSet<>(env.keySet());
        unread.removeAll(POSTGRES_IMAGE);
        return unread;
    }

    static Set<String> unreadByScript(Map<String, String> env, Path script) {
        String text;
        try {
            text = Files.readString(script);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<String> unread = new TreeSet<>();
        env.keySet().forEach(variable -> {
            if (!text.contains("${" + variable + "}") && !text.contains("${" + variable + ":")) {
                unread.add(variable);
            }
        });
        return unread;
    }

    /** Environment variable names of every setting, and of every map-valued setting's prefix. */
    record Known(Set<String> exact, Set<String> maps) {
    }

    static Known springSettings(Path execJar, String configName) {
        Set<String> exact = new HashSet<>();
        Set<String> maps = new HashSet<>();
        try (ZipInputStream jar = new ZipInputStream(Files.newInputStream(execJar))) {
            for (ZipEntry entry; (entry = jar.getNextEntry()) != null; ) {
                String name = entry.getName();
                if (name.equals("BOOT-INF/classes/" + configName + ".yml")) {
                    String yml = new String(jar.readAllBytes(), StandardCharsets.UTF_8);
                    flatten("", new Yaml().load(yml), exact);
                    Matcher m = PLACEHOLDER.matcher(yml);
                    while (m.find()) {
                        exact.add(variable(m.group(1)));
                    }
                } else if (name.startsWith("BOOT-INF/lib/") && name.endsWith(".jar")) {
                    metadata(new ZipInputStream(jar), exact, maps);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Known(exact, maps);
    }

    private static void metadata(ZipInputStream nested, Set<String> exact, Set<String> maps) throws IOException {
        for (ZipEntry entry; (entry = nested.getNextEntry()) != null; ) {
            if (entry.getName().equals("META-INF/spring-configuration-metadata.json")
                    || entry.getName().equals("META-INF/additional-spring-configuration-metadata.json")) {
                JsonNode root = JSON.readTree(readAll(nested));
                for (JsonNode property : root.path("properties")) {
                    String variable = variable(property.path("name").asText());
                    exact.add(variable);
                    if (property.path("type").asText().startsWith("java.util.Map")) {
                        maps.add(variable);
                    }
                }
            }
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        return in.readAllBytes();
    }

    @SuppressWarnings("unchecked")
    private static void flatten(String prefix, Object node, Set<String> out) {
        if (node instanceof Map<?, ?> map) {
            ((Map<String, Object>) map).forEach((k, v) -> flatten(prefix.isEmpty() ? k : prefix + "." + k, v, out));
        } else if (!prefix.isEmpty()) {
            out.add(variable(prefix));
        }
        if (node instanceof List<?>) {
            out.add(variable(prefix));
        }
    }

    /** Spring Boot's environment-variable form of a property: spring.kafka.bootstrap-servers = SPRING_KAFKA_BOOTSTRAPSERVERS. */
    static String variable(String property) {
        return property.replace("-", "").replace('.', '_').replace("[", "").replace("]", "").toUpperCase(Locale.ROOT);
    }
}
