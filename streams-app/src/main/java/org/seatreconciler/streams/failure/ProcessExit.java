package org.seatreconciler.streams.failure;

import java.util.function.IntConsumer;

/**
 * Ends the JVM with a status, from a thread of its own. The failure handler runs on a stream thread, and
 * {@code System.exit} runs the shutdown hooks, which close the streams client and wait for its stream
 * threads: called on the stream thread it would wait for itself. A non-daemon thread also keeps the JVM
 * from ending with status 0 on its own once the last stream thread is gone (the web server off), and the
 * explicit exit ends it while a web server would keep it alive.
 */
public final class ProcessExit {

    private ProcessExit() {
    }

    public static IntConsumer systemExit() {
        return status -> {
            Thread exit = new Thread(() -> System.exit(status), "seats-exit-" + status);
            exit.setDaemon(false);
            exit.start();
        };
    }
}
