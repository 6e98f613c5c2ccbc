package org.seatreconciler.streams;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The streams app: counts seats from membership events (DESIGN.md sections 4 and 5). */
@SpringBootApplication
public class StreamsApplication {

    public static void main(String[] args) {
        SpringApplication.run(StreamsApplication.class, args);
    }
}
