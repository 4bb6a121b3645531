package dev.capflow.grpc.paging;

import com.google.protobuf.Descriptors;
import com.google.protobuf.Message;
import dev.capflow.validation.InvalidRequestException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/**
 * One page asked for by a list RPC: {@code page_size} (0 = {@link #DEFAULT_SIZE}, above {@link #MAX_SIZE} clamped to
 * it, negative refused) and {@code page_token}, the opaque continuation of an earlier answer. A token is
 * base64url("v1" | query | last key), or base64url("v2" | query | frame | last key) for a list read in a frame: it
 * names the query it continues (a digest of the RPC and of the request without its paging fields), so a token of
 * another query, or a forged one, is INVALID_ARGUMENT naming {@code page_token}. A frame is what the first page was
 * read at when the request left it to a default (a time, a date): the later pages are read at the same one, so that
 * a change between pages cannot move an item across the walk's position.
 *
 * @param size  the page size to serve
 * @param after the key of the last item already served, or null for the first page
 * @param query the digest of the query this page belongs to
 * @param frame the frame the walk is read at, from its token; null on a first page and for lists without one
 */
public record PageRequest(int size, String after, String query, String frame) {

    public static final int DEFAULT_SIZE = 100;
    public static final int MAX_SIZE = 1000;
    private static final String VERSION = "v1";
    private static final String FRAMED_VERSION = "v2";
    private static final char SEPARATOR = '\n';

    /**
     * The page a list request asks for in its {@code page_size} and {@code page_token} fields; every other field is the
     * query the token is bound to.
     */
    public static PageRequest of(Message request) {
        return of(request, DEFAULT_SIZE);
    }

    /**
     * Like {@link #of(Message)}, with page_size 0 meaning {@code defaultSize}: for a list whose size the request itself
     * bounds (one item per symbol asked for), so that a lookup gets its whole answer in one page as before paging.
     */
    public static PageRequest of(Message request, int defaultSize) {
        Descriptors.Descriptor type = request.getDescriptorForType();
        Descriptors.FieldDescriptor size = type.findFieldByName("page_size");
        Descriptors.FieldDescriptor token = type.findFieldByName("page_token");
        Message query = request.toBuilder().clearField(size).clearField(token).build();
        int pageSize = (Integer) request.getField(size);
        return of(
                digest(type.getFullName(), query.toByteArray()),
                pageSize == 0 ? Math.max(defaultSize, 1) : pageSize,
                (String) request.getField(token),
                pageSize == 0 ? Integer.MAX_VALUE : MAX_SIZE);
    }

    /**
     * A short digest naming one query of {@code rpc} ({@code query}: what the request asks, without its paging), for
     * tokens of another form to be bound to their query as these are.
     */
    public static String digest(String rpc, String query) {
        return digest(rpc, query.getBytes(StandardCharsets.UTF_8));
    }

    /** The refusal of a token issued for another query than the one it is sent with. */
    public static InvalidRequestException anotherQuery() {
        return badToken("belongs to another query: repeat the request that returned it, changing only page_token");
    }

    /**
     * The page a request asks for.
     *
     * @param rpc        the RPC's name, so that two RPCs with equal filters do not share tokens
     * @param queryBytes the request with page_size and page_token cleared, serialized
     */
    public static PageRequest of(String rpc, byte[] queryBytes, int pageSize, String pageToken) {
        return of(digest(rpc, queryBytes), pageSize == 0 ? DEFAULT_SIZE : pageSize, pageToken, MAX_SIZE);
    }

    private static PageRequest of(String query, int pageSize, String pageToken, int maxSize) {
        if (pageSize < 0) {
            throw new InvalidRequestException(
                    "page_size", "must be 0 (the default, " + DEFAULT_SIZE + ") to " + MAX_SIZE + ", got " + pageSize);
        }
        int size = Math.min(pageSize, maxSize);
        if (pageToken.isEmpty()) {
            return new PageRequest(size, null, query, null);
        }
        String[] continued = continued(pageToken, query);
        return new PageRequest(size, continued[1], query, continued[0]);
    }

    /** This page read in {@code frame} (no line breaks), which the tokens it issues carry to the next pages. */
    public PageRequest inFrame(String frame) {
        if (frame.indexOf(SEPARATOR) >= 0) {
            throw new IllegalArgumentException("a frame is one line: " + frame);
        }
        return new PageRequest(size, after, query, frame);
    }

    /** The token that continues this query after {@code lastKey} (in this page's frame, if it has one). */
    public String tokenAfter(String lastKey) {
        String plain = frame == null
                ? VERSION + SEPARATOR + query + SEPARATOR + lastKey
                : FRAMED_VERSION + SEPARATOR + query + SEPARATOR + frame + SEPARATOR + lastKey;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** The frame (null in a v1 token) and the last key a token continues after. */
    private static String[] continued(String token, String query) {
        String plain;
        try {
            plain = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            throw badToken("is not a token this service issued");
        }
        String[] parts = plain.split(String.valueOf(SEPARATOR), plain.startsWith(FRAMED_VERSION + SEPARATOR) ? 4 : 3);
        boolean framed = parts.length == 4 && parts[0].equals(FRAMED_VERSION);
        if (!framed && (parts.length != 3 || !parts[0].equals(VERSION))) {
            throw badToken("is not a token this service issued");
        }
        if (!parts[1].equals(query)) {
            throw anotherQuery();
        }
        return framed ? new String[] {parts[2], parts[3]} : new String[] {null, parts[2]};
    }

    private static InvalidRequestException badToken(String reason) {
        return new InvalidRequestException("page_token", reason);
    }

    private static String digest(String rpc, byte[] queryBytes) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(rpc.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(queryBytes);
            // 12 bytes tell queries apart; the token is not a secret, it only must not continue another query
            return HexFormat.of().formatHex(sha.digest(), 0, 12);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("SHA-256 is part of every JVM", impossible);
        }
    }
}
