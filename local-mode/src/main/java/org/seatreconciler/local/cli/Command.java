package org.seatreconciler.local.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.seatreconciler.batch.billing.SeatBasis;

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

    /**
     * {@code bench}: the pipeline on generated events, timed, beside the broker's own ceilings.
     *
     * @param partitions the topic layouts measured side by side (partitions of every topic), e.g. [1, 4]
     * @param threads stream threads of the apps measured; 0: one per partition, at most 2
     * @param streamsProperties Kafka Streams settings over the streams app's own, for the topology in every
     *        run (e.g. statestore.cache.max.bytes); commit.interval.ms also for the pass-through app
     * @param json where to write every figure, if anywhere
     */
    record Bench(long events, int orgs, int days, List<Integer> partitions, int threads, Latency latency, Jars jars,
                 Scale scale, Map<String, String> streamsProperties, Set<BenchPart> skip, Optional<Path> json)
            implements Command {

        public Bench {
            partitions = List.copyOf(partitions);
            streamsProperties = Collections.unmodifiableMap(new LinkedHashMap<>(streamsProperties));
            skip = skip.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(skip));
        }

        /** The defaults: 200,000 events, 2,000 organisations, 3 days, layouts 1 and 4, no jar runs. */
        public static Bench of(long events, int orgs, int days) {
            return new Bench(events, orgs, days, List.of(1, 4), 0, new Latency(5_000, Duration.ofSeconds(60)),
                    new Jars(Optional.empty(), Optional.empty(), List.of()), new Scale(0, 0), Map.of(), Set.of(), Optional.empty());
        }

        public boolean runs(BenchPart part) {
            return !skip.contains(part) && (part != BenchPart.LATENCY || !latency.duration().isZero());
        }

        public int threadsFor(int partitionCount) {
            return threads > 0 ? threads : Math.min(partitionCount, 2);
        }
    }

    /** The parts of the default bench run that {@code --skip} can leave out. */
    enum BenchPart {
        /** the local pipeline on the generated events (the first report lines) */
        PIPELINE,
        /** P, Q and the topology replay, per layout */
        CEILINGS,
        /** the two latency runs */
        LATENCY
    }

    /** The latency run: events per second for a duration (zero: no latency run). */
    record Latency(int eventsPerSecond, Duration duration) {
    }

    /** The production jars run as child processes, with extra JVM options (e.g. a JFR recording). */
    record Jars(Optional<Path> streams, Optional<Path> batch, List<String> jvmOptions) {

        public Jars {
            jvmOptions = List.copyOf(jvmOptions);
        }
    }

    /**
     * The long memory runs (zero: not run): active members for the streams app, organisations for one night, and
     * the night's ledger and job repository (a JDBC URL; empty: an H2 file of the run's own).
     */
    record Scale(long members, long nightOrgs, Optional<String> nightLedger) {

        Scale(long members, long nightOrgs) {
            this(members, nightOrgs, Optional.empty());
        }
    }

    /** {@code --help}, {@code help} or {@code <command> --help}: print the text and exit 0. */
    record Help(String text) implements Command {
    }
}
