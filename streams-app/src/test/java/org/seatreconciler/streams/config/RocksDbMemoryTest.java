package org.seatreconciler.streams.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Options;
import org.springframework.util.unit.DataSize;

class RocksDbMemoryTest {

    private static final long MIB = 1024 * 1024;

    @Test
    void everyStoreOfTheProcessSharesOneBudgetWithTheMemtablesCountedInIt() {
        try (Options member = options(); Options org = options()) {
            new RocksDbMemory().setConfig("member-state-store", member,
                    Map.of(RocksDbMemory.MEMORY_BYTES, String.valueOf(256 * MIB)));
            new RocksDbMemory().setConfig("org-latest-day-store", org,
                    Map.of(RocksDbMemory.MEMORY_BYTES, 256 * MIB));

            RocksDbMemory.Shared shared = RocksDbMemory.shared(256 * MIB);
            assertThat(member.writeBufferManager()).isSameAs(shared.writeBuffers()).isSameAs(org.writeBufferManager());
            // half of the budget for memtables, at most 64 MiB each
            assertThat(member.writeBufferSize()).isEqualTo(64 * MIB);
            BlockBasedTableConfig table = (BlockBasedTableConfig) member.tableFormatConfig();
            assertThat(table.cacheIndexAndFilterBlocks()).isTrue();
            assertThat(table.cacheIndexAndFilterBlocksWithHighPriority()).isTrue();
            assertThat(table.pinTopLevelIndexAndFilter()).isTrue();
        }
    }

    @Test
    void aSmallBudgetGetsSmallerMemtables() {
        try (Options options = options()) {
            new RocksDbMemory().setConfig("member-state-store", options,
                    Map.of(RocksDbMemory.MEMORY_BYTES, String.valueOf(32 * MIB)));

            assertThat(options.writeBufferSize()).isEqualTo(8 * MIB);
            assertThat(options.writeBufferManager()).isNotSameAs(RocksDbMemory.shared(256 * MIB).writeBuffers());
        }
    }

    @Test
    void theAppSetsItselfAsTheConfigSetterUnlessAnotherIsSet() {
        Properties streams = new Properties();
        RocksDbMemory.configure(streams, DataSize.ofMegabytes(512));
        assertThat(streams).containsEntry("rocksdb.config.setter", RocksDbMemory.class.getName())
                .containsEntry(RocksDbMemory.MEMORY_BYTES, "536870912");

        Properties own = new Properties();
        own.put("rocksdb.config.setter", "com.example.OwnSetter");
        RocksDbMemory.configure(own, DataSize.ofMegabytes(256));
        assertThat(own).containsEntry("rocksdb.config.setter", "com.example.OwnSetter");
    }

    /** As Kafka Streams hands them to the setter: its own block-based table config already set. */
    private static Options options() {
        Options options = new Options();
        options.setTableFormatConfig(new BlockBasedTableConfig());
        return options;
    }
}
