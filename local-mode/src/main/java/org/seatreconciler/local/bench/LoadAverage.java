package org.seatreconciler.local.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * The machine's load averages over 1, 5 and 15 minutes ({@code /proc/loadavg}), printed beside every
 * figure: on a shared 2-core machine a rate means little without the load it was measured under.
 */
record LoadAverage(double one, double five, double fifteen) {

    static Optional<LoadAverage> parse(String loadavg) {
        String[] f = loadavg.trim().split("\\s+");
        try {
            return f.length < 3 ? Optional.empty()
                    : Optional.of(new LoadAverage(Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2])));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Now, or empty where there is no {@code /proc/loadavg}. */
    static Optional<LoadAverage> now() {
        try {
            return parse(Files.readString(Path.of("/proc/loadavg")));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%.2f %.2f %.2f", one, five, fifteen);
    }
}
