package org.seatreconciler.local.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;

/** A Linux process's resident memory from {@code /proc/<pid>/status}: now (VmRSS) and its peak (VmHWM), in MiB. */
record ProcStatus(long rssMb, long peakRssMb) {

    static ProcStatus parse(List<String> lines) {
        return new ProcStatus(kb(lines, "VmRSS:").orElse(0) / 1024, kb(lines, "VmHWM:").orElse(0) / 1024);
    }

    /** The process's figures now, or empty when it is gone (or this is not Linux). */
    static java.util.Optional<ProcStatus> of(long pid) {
        try {
            return java.util.Optional.of(parse(Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))));
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
    }

    private static OptionalLong kb(List<String> lines, String field) {
        return lines.stream().filter(l -> l.startsWith(field))
                .mapToLong(l -> Long.parseLong(l.substring(field.length()).trim().split("\\s+")[0]))
                .findFirst();
    }
}
