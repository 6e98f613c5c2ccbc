package org.seatreconciler.system.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Free loopback ports, held open together while picked so the same one is not handed out twice. */
public final class FreePorts {

    private FreePorts() {
    }

    public static int[] pick(int count) {
        ServerSocket[] sockets = new ServerSocket[count];
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                sockets[i] = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                ports[i] = sockets[i].getLocalPort();
            }
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException("No free loopback port: " + e.getMessage(), e);
        } finally {
            for (ServerSocket socket : sockets) {
                try {
                    if (socket != null) {
                        socket.close();
                    }
                } catch (IOException ignored) {
                    // a probe socket
                }
            }
        }
    }

    public static int pick() {
        return pick(1)[0];
    }
}
