package dev.capflow.devstack.embedded;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Picks a free TCP port on the loopback interface, keeping the previous one when it is still free. */
final class FreePort {

    private FreePort() {}

    /** {@code preferred} when it can be bound (so a restart keeps its URL), else any free port. */
    static int pick(int preferred) throws IOException {
        if (preferred > 0) {
            try (ServerSocket socket = new ServerSocket(preferred, 1, InetAddress.getLoopbackAddress())) {
                return socket.getLocalPort();
            } catch (IOException taken) {
                // fall through to any free port
            }
        }
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
