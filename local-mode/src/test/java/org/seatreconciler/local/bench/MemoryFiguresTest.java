package org.seatreconciler.local.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The parsers behind the memory and load figures: GC log, /proc status, /proc/loadavg. */
class MemoryFiguresTest {

    @Test
    void heapFiguresFromAUnifiedGcLog() {
        GcLog gc = GcLog.parse(List.of(
                "[0.012s][info][gc] Using G1",
                "[2.345s][info][gc] GC(0) Pause Young (Normal) (G1 Evacuation Pause) 25M->6M(512M) 4.112ms",
                "[9.001s][info][gc] GC(1) Pause Young (Concurrent Start) (G1 Humongous Allocation) 301M->120M(512M) 8.0ms",
                "[9.100s][info][gc] GC(2) Concurrent Mark Cycle 12.3ms",
                "[20.5s][info][gc] GC(3) Pause Full (System.gc()) 200M->88M(512M) 95.2ms"));

        assertThat(gc).isEqualTo(new GcLog(3, 301, 120, 88, 512));
    }

    @Test
    void anEmptyGcLogGivesZeros() {
        assertThat(GcLog.parse(List.of())).isEqualTo(new GcLog(0, 0, 0, 0, 0));
    }

    @Test
    void residentMemoryFromProcStatus() {
        ProcStatus status = ProcStatus.parse(List.of("Name:\tjava", "VmPeak:\t 9000000 kB", "VmHWM:\t  1048576 kB",
                "VmRSS:\t   524288 kB", "Threads:\t42"));

        assertThat(status).isEqualTo(new ProcStatus(512, 1024));
    }

    @Test
    void loadAverages() {
        assertThat(LoadAverage.parse("1.16 0.78 0.48 2/310 4242\n")).contains(new LoadAverage(1.16, 0.78, 0.48));
        assertThat(LoadAverage.parse("1.16 0.78 0.48 2/310 4242").orElseThrow().toString()).isEqualTo("1.16 0.78 0.48");
        assertThat(LoadAverage.parse("garbage")).isEmpty();
    }
}
