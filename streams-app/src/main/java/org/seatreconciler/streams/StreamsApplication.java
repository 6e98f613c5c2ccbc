package org.seatreconciler.streams;

import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The streams app: counts seats from membership events (DESIGN.md sections 4 and 5). Its settings are
 * in {@code streams-app.yml}, not {@code application.yml}, so it can share a classpath with the batch
 * app (local mode); an operator's own {@code application.yml} is still read after it and wins.
 */
@SpringBootApplication
public class StreamsApplication {

    public static final String CONFIG_NAMES = "streams-app,application";

    public static void main(String[] args) {
        application().run(args);
    }

    /**
     * Starts the app in this JVM (the local mode's entry point) with the given settings. They are passed
     * as command-line arguments, the highest precedence, so they beat every configuration file.
     */
    public static ConfigurableApplicationContext start(Map<String, ?> properties) {
        String[] args = properties.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        return application().run(args);
    }

    private static SpringApplication application() {
        SpringApplication application = new SpringApplication(StreamsApplication.class);
        application.setDefaultProperties(Map.of("spring.config.name", CONFIG_NAMES));
        return application;
    }
}
