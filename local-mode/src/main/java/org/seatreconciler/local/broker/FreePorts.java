package org.seatreconciler.local.broker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * Picks free loopback ports. A KRaft controller must know its own port before it starts (it is part of
 * the voter set), so port 0 cannot be used; the small race between closing the probe socket and the
 * broker binding is handled by {@link LocalKafkaBroker} retrying with new ports.
 */
final class FreePorts {

    private FreePorts() {
    }

    static int[] pick(int count) {
        ServerSocket[] sockets = new ServerSocket[count];
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                // held open together so the same port is not handed out twice
                sockets[i] = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                ports[i] = sockets[i].getLocalPort();
            }
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException("No free loopback port: " + e.getMessage(), e);
        } finally {
            for (ServerSocket socket : sockets) {
                closeQuietly(socket);
            }
        }
    }

    private static void closeQuietly(ServerSocket socket) {
        if (socket == null) {
            return;
        }
        try {
            socket.close();
        } catch (IOException ignored) {
            // a probe socket; nothing depends on it
        }
    }
}
