package org.seatreconciler.system.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.Yaml;

/**
 * {@code docker-compose.yml} as the tests read it: each service's image, environment, command, ports, volumes,
 * dependencies and healthcheck, with {@code ${VAR}} and {@code ${VAR:-default}} substituted as compose does
 * (from the given variables, else the default).
 */
record ComposeFile(Path file, Map<String, Service> services) {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z0-9_]+)(?::-([^}]*))?}");

    record Service(String name, String image, Map<String, String> environment, List<String> entrypoint,
                   List<String> command, List<String> ports, List<String> volumes, Map<String, String> dependsOn,
                   List<String> healthcheck) {
    }

    static ComposeFile read(Path file, Map<String, String> variables) {
        Map<String, Object> root;
        try {
            root = new Yaml().load(interpolate(Files.readString(file), variables));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Service> services = new LinkedHashMap<>();
        map(root.get("services")).forEach((name, value) -> services.put(name, service(name, map(value))));
        return new ComposeFile(file, services);
    }

    Service service(String name) {
        Service service = services.get(name);
        if (service == null) {
            throw new IllegalArgumentException(file + " has no service '" + name + "'");
        }
        return service;
    }

    static String interpolate(String text, Map<String, String> variables) {
        Matcher m = VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = variables.get(m.group(1));
            if (value == null) {
                if (m.group(2) == null) {
                    throw new IllegalArgumentException("${" + m.group(1) + "} has no default and no value");
                }
                value = m.group(2);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static Service service(String name, Map<String, Object> s) {
        Map<String, String> env = new LinkedHashMap<>();
        map(s.get("environment")).forEach((k, v) -> env.put(k, String.valueOf(v)));
        Map<String, String> dependsOn = new LinkedHashMap<>();
        Object depends = s.get("depends_on");
        if (depends instanceof List<?> list) {
            list.forEach(d -> dependsOn.put(String.valueOf(d), "service_started"));
        } else if (depends != null) {
            map(depends).forEach((k, v) -> dependsOn.put(k, String.valueOf(map(v).get("condition"))));
        }
        Object health = s.get("healthcheck") == null ? null : map(s.get("healthcheck")).get("test");
        return new Service(name, String.valueOf(s.get("image")), env, strings(s.get("entrypoint")),
                strings(s.get("command")), strings(s.get("ports")), strings(s.get("volumes")), dependsOn, strings(health));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value == null ? Map.of() : (Map<String, Object>) value;
    }

    private static List<String> strings(Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list) {
            List<String> out = new ArrayList<>();
            list.forEach(v -> out.add(String.valueOf(v)));
            return out;
        }
        return List.of(String.valueOf(value));
    }
}
