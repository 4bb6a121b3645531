package dev.capflow.devstack.redis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLSocketFactory;

/** Asks a Redis server for PONG over one short connection (AUTH and SELECT first when the URL has them). */
public final class RedisPing {

    private final Duration timeout;

    public RedisPing(Duration timeout) {
        this.timeout = timeout;
    }

    /** Succeeds when the server answers PING with PONG, else throws with the server's answer. */
    public void ping(RedisUrl url) throws IOException {
        List<List<String>> commands = new ArrayList<>();
        if (url.password() != null) {
            commands.add(
                    url.user() == null ? List.of("AUTH", url.password()) : List.of("AUTH", url.user(), url.password()));
        }
        if (url.database() != 0) {
            commands.add(List.of("SELECT", Integer.toString(url.database())));
        }
        commands.add(List.of("PING"));
        int millis = (int) timeout.toMillis();
        try (Socket socket = url.tls() ? SSLSocketFactory.getDefault().createSocket() : new Socket()) {
            socket.connect(new InetSocketAddress(url.host(), url.port()), millis);
            socket.setSoTimeout(millis);
            OutputStream out = socket.getOutputStream();
            for (List<String> command : commands) {
                out.write(encode(command));
            }
            out.flush();
            BufferedReader in =
                    new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            for (List<String> command : commands) {
                String reply = in.readLine();
                if (reply == null) {
                    throw new IOException("Redis at " + url.address() + " closed the connection");
                }
                if (reply.startsWith("-")) {
                    throw new IOException("Redis at " + url.address() + " answered " + command.get(0) + " with: "
                            + reply.substring(1));
                }
                if (command.get(0).equals("PING") && !reply.equals("+PONG")) {
                    throw new IOException("Redis at " + url.address() + " answered PING with: " + reply);
                }
            }
        }
    }

    /** One command in the RESP protocol's array-of-bulk-strings form. */
    static byte[] encode(List<String> command) {
        StringBuilder resp = new StringBuilder("*").append(command.size()).append("\r\n");
        for (String part : command) {
            resp.append('$')
                    .append(part.getBytes(StandardCharsets.UTF_8).length)
                    .append("\r\n")
                    .append(part)
                    .append("\r\n");
        }
        return resp.toString().getBytes(StandardCharsets.UTF_8);
    }
}
