package org.seatreconciler.streams.counting;

import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.internals.InternalProcessorContext;
import org.apache.kafka.streams.processor.internals.ProcessorNode;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.internals.WrappedStateStore;

/**
 * Calls back, on the processor's own node, for each entry a caching key-value store writes through to its
 * inner store: at every commit (before the transaction commits, so what the callback forwards is part of
 * it) and when the cache evicts a changed entry. This is how Kafka Streams' own KTables publish at most one
 * record per key and commit (their cache flush listener); the Processor API has no public hook for it, so
 * this one class uses the same internal types the DSL does ({@code WrappedStateStore#setFlushListener},
 * {@code InternalProcessorContext#setCurrentNode}), checked against Kafka Streams 4.2 by the topology tests
 * and {@code CoalescedOutputsIntegrationTest}.
 */
final class CacheWriteThrough {

    /** What is called back: the entry's key, its new value and the timestamp of the record that last changed it. */
    @FunctionalInterface
    interface Listener<K, V> {
        void writtenThrough(K key, V value, long timestamp);
    }

    private CacheWriteThrough() {
    }

    /**
     * Registers {@code listener} for the store; call from {@code Processor#init}, where
     * the context's current node is the processor's. Deletions are not passed on.
     *
     * @throws IllegalStateException if the store has no record cache
     */
    static <K, V> void register(ProcessorContext<?, ?> context, KeyValueStore<K, V> store,
                                Listener<K, V> listener) {
        InternalProcessorContext<?, ?> internal = (InternalProcessorContext<?, ?>) context;
        ProcessorNode<?, ?, ?, ?> node = internal.currentNode();
        @SuppressWarnings("unchecked")
        WrappedStateStore<?, K, V> wrapped = (WrappedStateStore<?, K, V>) store;
        boolean registered = wrapped.setFlushListener(record -> {
            V value = record.value().newValue;
            if (value == null) {
                return;
            }
            // the cache writes through during a commit or while another record is processed: forward from our node
            ProcessorNode<?, ?, ?, ?> previous = internal.currentNode();
            internal.setCurrentNode(node);
            try {
                listener.writtenThrough(record.key(), value, record.timestamp());
            } finally {
                internal.setCurrentNode(previous);
            }
        }, false);
        if (!registered) {
            throw new IllegalStateException("Store " + store.name() + " has no record cache to publish from");
        }
    }
}
