package org.seatreconciler.local.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

/** What the command line asked for, validated: paths absolute, dates parsed, defaults applied. */
public sealed interface Command {

    /**
     * {@code run}: the events (and plans) of a file, billed for every date from {@code from} to {@code to}; with
     * {@code preview}, nothing billed: the files each date would get go to {@code <out>/preview/<date>/}.
     */
    record Run(Path events, Optional<Path> plans, LocalDate from, LocalDate to, SeatBasis seatBasis, ZoneId zone,
               Path out, boolean preview) implements Command {
    }

    /**
     * {@code explain}: why {@code orgId} would be billed what it is on {@code date}, with the events of a file,
     * the ledger starting on {@code from} (the 1st of the date's month unless given), as {@code run --from} does.
     */
    record Explain(Path events, Optional<Path> plans, String orgId, LocalDate date, LocalDate from,
                   SeatBasis seatBasis, ZoneId zone, boolean json) implements Command {
    }

    /** {@code demo}: sample organisations billed for today. */
    record Demo(Path out, SeatBasis seatBasis, ZoneId zone) implements Command {
    }

    /**
     * {@code publish}: the events (and plans) of a file sent to a real cluster.
     *
     * @param clientConfig Kafka client properties from {@code --client-config} (e.g. SASL_SSL), also read by
     *                     the registry client (schema.registry.ssl.*, basic.auth.*)
     */
    record Publish(Path events, Optional<Path> plans, String bootstrapServers, String registryUrl,
                   Map<String, String> clientConfig) implements Command {

        public Publish {
            clientConfig = Map.copyOf(clientConfig);
        }
    }

    /** {@code bench}: the pipeline on generated events, timed. */
    record Bench(long events, int orgs, int days) implements Command {
    }

    /** {@code --help}, {@code help} or {@code <command> --help}: print the text and exit 0. */
    record Help(String text) implements Command {
    }
}
