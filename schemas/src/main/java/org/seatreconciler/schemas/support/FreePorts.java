package org.seatreconciler.schemas.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * Free loopback ports, for the brokers and apps that the local mode and the system tests start. A KRaft
 * controller must know its own port before it starts (it is part of the voter set), so port 0 cannot be used;
 * the small race between closing the probe socket and the process binding is the caller's to retry.
 */
public final class FreePorts {

    private FreePorts() {
    }

    /** {@code count} distinct ports: the probe sockets are held open together, so none is handed out twice. */
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
                closeQuietly(socket);
            }
        }
    }

    public static int pick() {
        return pick(1)[0];
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
