package dev.capflow.ingest.grpc;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Base64;

import dev.capflow.ingest.domain.Tick;
import dev.capflow.validation.InvalidRequestException;

/**
 * GetTicks page tokens: the position of the last tick of a page (time, source, trade id), URL-safe base64 of a
 * versioned binary form, so a client cannot mistake them for something it should build itself.
 */
final class PageTokens {

    static final String FIELD = "page_token";
    private static final byte VERSION = 1;

    private PageTokens() {
    }

    static String encode(Tick.Position position) {
        if (position == null) {
            return "";
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            out.writeLong(position.ts().getEpochSecond());
            out.writeInt(position.ts().getNano());
            out.writeUTF(position.source());
            out.writeUTF(position.tradeId());
        } catch (IOException e) {
            throw new UncheckedIOException(e); // an in-memory stream does not fail
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.toByteArray());
    }

    /** The position a token names; null for the empty token (the first page). */
    static Tick.Position decode(String token) {
        if (token.isEmpty()) {
            return null;
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(Base64.getUrlDecoder().decode(token)))) {
            if (in.readByte() != VERSION) {
                throw invalid();
            }
            Instant ts = Instant.ofEpochSecond(in.readLong(), in.readInt());
            Tick.Position position = new Tick.Position(ts, in.readUTF(), in.readUTF());
            if (in.available() > 0) {
                throw invalid();
            }
            return position;
        } catch (IllegalArgumentException | IOException | DateTimeException e) {
            throw invalid();
        }
    }

    private static InvalidRequestException invalid() {
        return new InvalidRequestException(FIELD, "not a page token of this service: send the next_page_token of the "
                + "previous page, or none for the first page");
    }
}
