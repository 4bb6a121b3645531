package dev.capflow.gateway.stream;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;

/** The text/event-stream frames the gateway writes; {@code data} is one line of JSON. */
final class SseFrames {

    private SseFrames() {}

    static byte[] event(String id, String name, String data) {
        StringBuilder frame = new StringBuilder(data.length() + 48);
        if (id != null) {
            frame.append("id: ").append(id).append('\n');
        }
        frame.append("event: ")
                .append(name)
                .append('\n')
                .append("data: ")
                .append(data)
                .append("\n\n");
        return frame.toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] comment(String text) {
        return (": " + text + "\n\n").getBytes(StandardCharsets.UTF_8);
    }

    static Buffer retry(long millis) {
        return Buffer.buffer("retry: " + millis + "\n\n");
    }
}
