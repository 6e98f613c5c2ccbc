package org.seatreconciler.streams;

import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

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

    /** The app as {@code main} runs it, for starting it inside another JVM (the local mode). */
    public static SpringApplication application() {
        SpringApplication application = new SpringApplication(StreamsApplication.class);
        application.setDefaultProperties(Map.of("spring.config.name", CONFIG_NAMES));
        return application;
    }
}
