package org.seatreconciler.streams;

import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The streams app: counts seats from membership events (DESIGN.md sections 4 and 5). */
@SpringBootApplication
public class StreamsApplication {

    public static void main(String[] args) {
        SpringApplication.run(StreamsApplication.class, args);
    }

    /**
     * Starts the app in this JVM (the local mode's entry point) with the given settings. They are passed
     * as command-line arguments, the highest precedence: {@code SpringApplicationBuilder.properties(...)}
     * would make them defaults, which this app's application.yml overrides.
     */
    public static ConfigurableApplicationContext start(Map<String, ?> properties) {
        String[] args = properties.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        return new SpringApplicationBuilder(StreamsApplication.class).run(args);
    }
}
