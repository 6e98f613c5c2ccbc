package org.seatreconciler.local.bench;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Heap figures from a JVM's unified GC log ({@code -Xlog:gc:file=...}), whose pause lines read
 * {@code GC(7) Pause Young (Normal) (G1 Evacuation Pause) 300M->120M(512M) 4.1ms}: the heap in use
 * before and after each collection, and the heap's size. After a young collection the heap still holds
 * the old generation's garbage, so only a full collection's "after" is the live set.
 */
record GcLog(int collections, long peakBeforeMb, long peakAfterMb, long lastAfterMb, long heapSizeMb) {

    private static final Pattern PAUSE = Pattern.compile("\\bGC\\(\\d+\\) .*?(\\d+)M->(\\d+)M\\((\\d+)M\\)");

    static GcLog parse(List<String> lines) {
        int collections = 0;
        long peakBefore = 0;
        long peakAfter = 0;
        long lastAfter = 0;
        long size = 0;
        for (String line : lines) {
            Matcher m = PAUSE.matcher(line);
            if (m.find()) {
                collections++;
                long before = Long.parseLong(m.group(1));
                lastAfter = Long.parseLong(m.group(2));
                peakBefore = Math.max(peakBefore, before);
                peakAfter = Math.max(peakAfter, lastAfter);
                size = Long.parseLong(m.group(3));
            }
        }
        return new GcLog(collections, peakBefore, peakAfter, lastAfter, size);
    }
}
