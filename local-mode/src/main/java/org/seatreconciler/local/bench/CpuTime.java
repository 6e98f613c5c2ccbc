package org.seatreconciler.local.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;

/** CPU time used by this JVM (the bench, its broker and any app in it), by a child process and by stream threads. */
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
    static LongSupplier withChild(long pid) {
        long[] last = new long[1];
        return () -> {
            ProcessHandle.of(pid).flatMap(p -> p.info().totalCpuDuration()).map(Duration::toNanos)
                    .ifPresent(n -> last[0] = n);
            return thisJvm() + last[0];
        };
    }

    /**
     * The CPU time of the live stream threads of the Kafka Streams app {@code applicationId} in this JVM
     * (named {@code <applicationId>-<process id>-StreamThread-<n>}), or -1 where it is not known: the JVM does
     * not measure it, or no such thread runs (e.g. another client.id).
     */
    static LongSupplier streamThreads(String applicationId) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Pattern name = Pattern.compile(Pattern.quote(applicationId) + "-.*-StreamThread-\\d+");
        return () -> {
            if (!threads.isThreadCpuTimeSupported() || !threads.isThreadCpuTimeEnabled()) {
                return -1;
            }
            long sum = -1;
            for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
                if (info != null && name.matcher(info.getThreadName()).matches()) {
                    sum = Math.max(sum, 0) + Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
                }
            }
            return sum;
        };
    }
}
