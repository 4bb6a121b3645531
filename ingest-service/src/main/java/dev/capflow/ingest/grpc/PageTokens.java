package dev.capflow.ingest.grpc;

import dev.capflow.grpc.paging.PageRequest;
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
 * them for something it should build itself, nor pass one RPC's token to the other. Each carries the digest of the
 * query it continues ({@link HistoryQuery#key}: the checked symbol and range), so that a token sent with another symbol or
 * range is refused instead of skipping that query's first rows.
 */
final class PageTokens {

    static final String FIELD = "page_token";
    /** The history RPCs' name in a query digest (the kind byte tells the two apart). */
    private static final String RPC = "capflow.ingest.v1.IngestService/history";
    // 1 and 2 were the kinds of the tokens bound to no query, which are refused
    private static final byte TICK = 3;
    private static final byte MINUTE_BAR = 4;

    private PageTokens() {}

    /** The token continuing the query {@code queryKey} after {@code position}; empty when there is no next page. */
    static String encode(Tick.Position position, String queryKey) {
        if (position == null) {
            return "";
        }
        return write(out -> {
            out.writeByte(TICK);
            out.writeUTF(PageRequest.digest(RPC, queryKey));
            writeInstant(out, position.ts());
            out.writeUTF(position.source());
            out.writeUTF(position.tradeId());
        });
    }

    /** The token continuing the query {@code queryKey} after {@code minute}; empty when there is no next page. */
    static String encodeMinute(Instant minute, String queryKey) {
        if (minute == null) {
            return "";
        }
        return write(out -> {
            out.writeByte(MINUTE_BAR);
            out.writeUTF(PageRequest.digest(RPC, queryKey));
            writeInstant(out, minute);
        });
    }

    /** The position a GetTicks token of the query {@code queryKey} names; null for the empty token (the first page). */
    static Tick.Position decode(String token, String queryKey) {
        return read(token, TICK, queryKey, in -> new Tick.Position(readInstant(in), in.readUTF(), in.readUTF()));
    }

    /** The minute a GetMinuteBars token of the query {@code queryKey} names; null for the empty token (the first page). */
    static Instant decodeMinute(String token, String queryKey) {
        return read(token, MINUTE_BAR, queryKey, PageTokens::readInstant);
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

    private static <T> T read(String token, byte kind, String queryKey, Reader<T> reader) {
        if (token.isEmpty()) {
            return null;
        }
        String query;
        T position;
        try (DataInputStream in = new DataInputStream(
                new ByteArrayInputStream(Base64.getUrlDecoder().decode(token)))) {
            if (in.readByte() != kind) {
                throw invalid();
            }
            query = in.readUTF();
            position = reader.read(in);
            if (in.available() > 0) {
                throw invalid();
            }
        } catch (IllegalArgumentException | IOException | DateTimeException e) {
            throw invalid();
        }
        if (!query.equals(PageRequest.digest(RPC, queryKey))) {
            throw PageRequest.anotherQuery();
        }
        return position;
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
