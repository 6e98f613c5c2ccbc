package org.seatreconciler.local.bench;

import java.lang.management.ManagementFactory;
import java.time.Duration;

/** CPU time used by this JVM (the bench, its broker and any app in it) and by a child process. */
final class CpuTime {

    private CpuTime() {
    }

    /** This JVM's CPU time in nanoseconds, or 0 where the platform does not say. */
    static long thisJvm() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return Math.max(0, os.getProcessCpuTime());
        }
        return 0;
    }

    /** This JVM's and the child's together (the child's last known figure once it is gone). */
    static java.util.function.LongSupplier withChild(long pid) {
        long[] last = new long[1];
        return () -> {
            ProcessHandle.of(pid).flatMap(p -> p.info().totalCpuDuration()).map(Duration::toNanos)
                    .ifPresent(n -> last[0] = n);
            return thisJvm() + last[0];
        };
    }
}
