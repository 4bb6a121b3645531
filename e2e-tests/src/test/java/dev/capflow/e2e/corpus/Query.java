package dev.capflow.e2e.corpus;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Percent-encoding of query values and path segments for corpus targets. */
final class Query {

    private Query() {}

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
