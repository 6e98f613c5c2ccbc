package org.seatreconciler.local.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

/** What the command line asked for, validated: paths absolute, dates parsed, defaults applied. */
public sealed interface Command {

    /** {@code run}: the events (and plans) of a file, billed for every date from {@code from} to {@code to}. */
    record Run(Path events, Optional<Path> plans, LocalDate from, LocalDate to, SeatBasis seatBasis, ZoneId zone,
               Path out) implements Command {
    }

    /** {@code demo}: sample organisations billed for today. */
    record Demo(Path out, SeatBasis seatBasis, ZoneId zone) implements Command {
    }

    /** {@code bench}: the pipeline on generated events, timed. */
    record Bench(long events, int orgs, int days) implements Command {
    }

    /** {@code --help}, {@code help} or {@code <command> --help}: print the text and exit 0. */
    record Help(String text) implements Command {
    }
}
