package org.seatreconciler.local.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class ProgressMeterTest {

    @Test
    void reportsLinesAndRateAtMostOncePerInterval() {
        AtomicLong now = new AtomicLong(0);
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        ProgressMeter meter = new ProgressMeter(new PrintStream(console, true, StandardCharsets.UTF_8), now::get, Duration.ofSeconds(2));

        now.set(Duration.ofSeconds(1).toNanos());
        meter.lineRead(102_400); // before the first interval: silent
        now.set(Duration.ofSeconds(2).toNanos());
        meter.lineRead(204_800);
        meter.lineRead(205_824); // same interval: silent
        now.set(Duration.ofSeconds(4).toNanos());
        meter.lineRead(409_601); // not a multiple of 1024: the clock is not even read

        assertThat(console.toString(StandardCharsets.UTF_8))
                .isEqualTo("  ... 204,800 lines read (102,400 events/s)" + System.lineSeparator());
    }
}
