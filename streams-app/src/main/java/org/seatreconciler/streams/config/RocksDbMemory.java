package org.seatreconciler.streams.config;

import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.WriteBufferManager;
import org.springframework.util.unit.DataSize;

/**
 * One memory budget for all the RocksDB stores of the process (Kafka Streams' "bounded memory" recipe), set
 * as {@code rocksdb.config.setter} by {@link #configure}: a block cache of {@code seats.streams.rocksdb-memory}
 * (256 MB) shared by every store, which also accounts for the memtables (a write buffer manager holds them to
 * half of it) and keeps the index and filter blocks. Kafka Streams' default gives each store of each
 * partition its own 50 MB cache and up to 3 x 16 MB of memtables, so the off-heap memory grew with the
 * partitions an instance holds; with this it is the budget (plus RocksDB's own small overheads) however many
 * there are.
 *
 * <p>The memtables may also grow to 64 MB each (16 MB by default): a member's state read soon after it was
 * written is found in memory instead of in a sorted file, which the bench measured at about 15% less CPU per
 * event in a replay (README, "Performance").
 *
 * <p>Only memory is configured, nothing of the files' format: an existing state directory opens unchanged.
 */
public final class RocksDbMemory implements RocksDBConfigSetter {

    /** The key, among the streams properties, of the budget in bytes. */
    static final String MEMORY_BYTES = "seats.streams.rocksdb-memory-bytes";
    static final DataSize MINIMUM = DataSize.ofMegabytes(16);
    private static final long MAX_WRITE_BUFFER = 64L * 1024 * 1024;
    /** The share of the cache kept for index and filter blocks, so that data blocks do not push them out. */
    private static final double INDEX_AND_FILTER_SHARE = 0.1;

    /** Per budget: every KafkaStreams instance of the process with the same budget shares one. */
    private static final Map<Long, Shared> SHARED = new ConcurrentHashMap<>();

    record Shared(Cache cache, WriteBufferManager writeBuffers, long writeBufferSize) {

        static Shared of(long bytes) {
            RocksDB.loadLibrary();
            Cache cache = new LRUCache(bytes, -1, false, INDEX_AND_FILTER_SHARE);
            long memtables = bytes / 2;
            return new Shared(cache, new WriteBufferManager(memtables, cache), Math.min(MAX_WRITE_BUFFER, memtables / 2));
        }
    }

    /** Makes this the streams' config setter, unless another one is set, with {@code budget}. */
    static void configure(Properties streams, DataSize budget) {
        streams.putIfAbsent(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, RocksDbMemory.class.getName());
        streams.put(MEMORY_BYTES, Long.toString(budget.toBytes()));
    }

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        Shared shared = shared(configs.get(MEMORY_BYTES));
        // Kafka Streams' own table config (its subclass reads the cache back for the metrics): changed, not replaced
        BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
        table.setBlockCache(shared.cache());
        table.setCacheIndexAndFilterBlocks(true);
        table.setCacheIndexAndFilterBlocksWithHighPriority(true);
        table.setPinTopLevelIndexAndFilter(true);
        options.setTableFormatConfig(table);
        options.setWriteBufferManager(shared.writeBuffers());
        options.setWriteBufferSize(shared.writeBufferSize());
    }

    @Override
    public void close(String storeName, Options options) {
        // the cache and the write buffer manager serve every store of the process: never closed
    }

    /** The resources of the budget {@code configured} (bytes, as {@link #configure} sets it), made once per budget. */
    static Shared shared(Object configured) {
        return SHARED.computeIfAbsent(Long.parseLong(String.valueOf(configured).trim()), Shared::of);
    }
}
