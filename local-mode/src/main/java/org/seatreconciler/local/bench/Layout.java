package org.seatreconciler.local.bench;

import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One topic layout measured side by side on one broker, with the same records: P (the producer
 * ceiling), Q (the pass-through Streams app) and the topology replaying the history, in this JVM and,
 * when asked, as the production jar in its own JVM.
 *
 * @param records    events on the input topic
 * @param valueBytes mean serialised value size (the record size every figure here is measured at)
 * @param topologyWrites records the topology (in this JVM) wrote during its replay, per topic: outputs by
 *        name, changelogs by store
 */
record Layout(int partitions, int threads, long records, double valueBytes, double producerRate,
              ReplayTiming.Replay passThrough, ReplayTiming.Replay topology, SortedMap<String, Long> topologyWrites,
              Optional<ReplayTiming.Replay> jar) {

    Layout {
        topologyWrites = new TreeMap<>(topologyWrites);
    }

    /** Records the topology wrote per input event, over every topic. */
    double writesPerEvent() {
        return records == 0 ? 0 : topologyWrites.values().stream().mapToLong(Long::longValue).sum() / (double) records;
    }

    /**
     * Whether the ratios use the steady rates (after the first commit). When a replay was too short for
     * one, they use the rates from start to no lag, start included.
     */
    boolean steadyRatios() {
        return !Double.isNaN(topology.steadyRate()) && !Double.isNaN(passThrough.steadyRate());
    }

    /** The topology's rate over the producer's. */
    double topologyOverProducer() {
        return Rates.ratio(steadyRatios() ? topology.steadyRate() : topology.rate(), producerRate);
    }

    /** The topology's rate over the pass-through app's. */
    double topologyOverPassThrough() {
        return steadyRatios() ? Rates.ratio(topology.steadyRate(), passThrough.steadyRate())
                : Rates.ratio(topology.rate(), passThrough.rate());
    }

    /** The production jar's rate from process start to no lag over the producer's (the operator's view). */
    double jarOverProducer() {
        return jar.map(j -> Rates.ratio(j.rate(), producerRate)).orElse(Double.NaN);
    }
}
