package dev.capflow.ingest.grpc;

import dev.capflow.ingest.domain.Tick;
import dev.capflow.validation.InvalidRequestException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Base64;

/**
 * Page tokens of GetTicks (the position of the last tick of a page: time, source, trade id) and GetMinuteBars (the
 * minute of the last bar of a page): URL-safe base64 of a binary form led by a kind byte, so a client cannot mistake
 * them for something it should build itself, nor pass one RPC's token to the other.
 */
final class PageTokens {

    static final String FIELD = "page_token";
    private static final byte TICK = 1;
    private static final byte MINUTE_BAR = 2;

    private PageTokens() {}

    static String encode(Tick.Position position) {
        if (position == null) {
            return "";
        }
        return write(out -> {
            out.writeByte(TICK);
            writeInstant(out, position.ts());
            out.writeUTF(position.source());
            out.writeUTF(position.tradeId());
        });
    }

    static String encodeMinute(Instant minute) {
        if (minute == null) {
            return "";
        }
        return write(out -> {
            out.writeByte(MINUTE_BAR);
            writeInstant(out, minute);
        });
    }

    /** The position a GetTicks token names; null for the empty token (the first page). */
    static Tick.Position decode(String token) {
        return read(token, TICK, in -> new Tick.Position(readInstant(in), in.readUTF(), in.readUTF()));
    }

    /** The minute a GetMinuteBars token names; null for the empty token (the first page). */
    static Instant decodeMinute(String token) {
        return read(token, MINUTE_BAR, PageTokens::readInstant);
    }

    private interface Writer {
        void write(DataOutputStream out) throws IOException;
    }

    private interface Reader<T> {
        T read(DataInputStream in) throws IOException;
    }

    private static String write(Writer writer) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            writer.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // an in-memory stream does not fail
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.toByteArray());
    }

    private static <T> T read(String token, byte kind, Reader<T> reader) {
        if (token.isEmpty()) {
            return null;
        }
        try (DataInputStream in = new DataInputStream(
                new ByteArrayInputStream(Base64.getUrlDecoder().decode(token)))) {
            if (in.readByte() != kind) {
                throw invalid();
            }
            T position = reader.read(in);
            if (in.available() > 0) {
                throw invalid();
            }
            return position;
        } catch (IllegalArgumentException | IOException | DateTimeException e) {
            throw invalid();
        }
    }

    private static void writeInstant(DataOutputStream out, Instant instant) throws IOException {
        out.writeLong(instant.getEpochSecond());
        out.writeInt(instant.getNano());
    }

    private static Instant readInstant(DataInputStream in) throws IOException {
        return Instant.ofEpochSecond(in.readLong(), in.readInt());
    }

    private static InvalidRequestException invalid() {
        return new InvalidRequestException(
                FIELD,
                "not a page token of this service: send the next_page_token of the "
                        + "previous page, or none for the first page");
    }
}
