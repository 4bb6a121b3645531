package dev.capflow.e2e.corpus;

import static dev.capflow.e2e.corpus.CorpusCase.refused;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * CSV imports: malformed rows, wrong column counts, a bad or 4 KB header, byte order marks, other delimiters, huge rows
 * and hostile values, each refused naming its row (the header is row 1) or, for a body that is no CSV at all, the
 * parameter or the whole body.
 */
final class CsvCases {

    private static final String CATEGORY = "csv";
    private static final String YAHOO = "Date,Open,High,Low,Close,Adj Close,Volume";
    private static final String STOOQ = "Date,Open,High,Low,Close,Volume";
    private static final String TARGET = "/api/v1/prices/csv?symbol=" + Valid.SYMBOL;

    private CsvCases() {}

    static List<CorpusCase> cases() {
        List<CorpusCase> cases = new ArrayList<>();
        List<String[]> badRows = List.of(
                new String[] {"too few columns", "2025-10-31,10,11,9"},
                new String[] {"too many columns", "2025-10-31,10,11,9,10.5,10.5,100,7,8"},
                new String[] {"empty row of commas", ",,,,,,"},
                new String[] {"date not a date", "31/10/2025,10,11,9,10.5,10.5,100"},
                new String[] {"date before 1900", "1899-12-31,10,11,9,10.5,10.5,100"},
                new String[] {"date after 2100", "2101-01-01,10,11,9,10.5,10.5,100"},
                new String[] {"extreme year", "+999999999-12-31,10,11,9,10.5,10.5,100"},
                new String[] {"close NaN", "2025-10-31,10,11,9,NaN,10.5,100"},
                new String[] {"close Infinity", "2025-10-31,10,11,9,Infinity,10.5,100"},
                new String[] {"negative open", "2025-10-31,-10,11,9,10.5,10.5,100"},
                new String[] {"zero close", "2025-10-31,10,11,9,0,10.5,100"},
                new String[] {"negative volume", "2025-10-31,10,11,9,10.5,10.5,-100"},
                new String[] {"fractional volume", "2025-10-31,10,11,9,10.5,10.5,1.5"},
                new String[] {"volume 1e308", "2025-10-31,10,11,9,10.5,10.5,1e308"},
                new String[] {"text price", "2025-10-31,ten,11,9,10.5,10.5,100"},
                new String[] {"high below low", "2025-10-31,10,8,9,10.5,10.5,100"},
                new String[] {"NUL in a value", "2025-10-31,10\u0000,11,9,10.5,10.5,100"},
                new String[] {"unclosed quote", "\"2025-10-31,10,11,9,10.5,10.5,100"},
                new String[] {"huge row", "2025-10-31,10,11,9,10.5,10.5," + "9".repeat(100_000)},
                new String[] {"SQL in a value", "2025-10-31,10'); DROP TABLE bars; --,11,9,10.5,10.5,100"});
        for (String[] row : badRows) {
            cases.add(csv("yahoo " + row[0], Valid.csv(YAHOO, row[1]), "row 2"));
            cases.add(
                    csv("yahoo " + row[0] + " after a header and a bad row", Valid.csv(YAHOO, "x,y", row[1]), "row 3"));
        }
        cases.add(csv("stooq too few columns", Valid.csv(STOOQ, "2025-10-31,10,11,9"), "row 2"));
        cases.add(csv("stooq close NaN", Valid.csv(STOOQ, "2025-10-31,10,11,9,NaN,100"), "row 2"));
        cases.add(csv("bad header", Valid.csv("When,Price", "2025-10-31,10"), null));
        cases.add(csv(
                "header only with a typo",
                Valid.csv("Date,Open,High,Low,Clse,Adj Close,Volume", "2025-10-31,10,11,9,10.5,10.5,100"),
                null));
        cases.add(csv("4 KB header", Valid.csv(YAHOO + ",X".repeat(2048), "2025-10-31,10,11,9,10.5,10.5,100"), null));
        cases.add(csv("semicolons", Valid.csv(YAHOO.replace(',', ';'), "2025-10-31;10;11;9;10.5;10.5;100"), null));
        cases.add(csv("tabs", Valid.csv(YAHOO.replace(',', '\t'), "2025-10-31\t10\t11\t9\t10.5\t10.5\t100"), null));
        cases.add(csv("pipes", Valid.csv(YAHOO.replace(',', '|'), "2025-10-31|10|11|9|10.5|10.5|100"), null));
        cases.add(csv("empty body", "", null));
        cases.add(csv("only blank lines", "\n\n\n", null));
        cases.add(csv("NUL bytes only", "\u0000\u0000\u0000", null));
        cases.add(bytes("UTF-16 byte order mark", utf16(Valid.csv(YAHOO, "2025-10-31,10,11,9,10.5,10.5,100")), null));
        cases.add(bytes(
                "UTF-8 byte order mark with a bad row",
                ("\uFEFF" + Valid.csv(YAHOO, "2025-10-31,10,11,9,NaN,10.5,100")).getBytes(StandardCharsets.UTF_8),
                "row 2"));
        cases.add(bytes(
                "byte order mark in the middle",
                Valid.csv(YAHOO, "\uFEFF2025-10-31,10,11,9,10.5,10.5,100").getBytes(StandardCharsets.UTF_8),
                "row 2"));
        cases.add(bytes("latin-1 bytes", new byte[] {'D', 'a', 't', 'e', (byte) 0xE9, '\n'}, null));
        cases.add(refused(
                CATEGORY,
                "no symbol",
                CorpusRequest.body(
                        "POST",
                        "/api/v1/prices/csv",
                        "text/csv",
                        Valid.csv(YAHOO, "2025-10-31,10,11,9,10.5,10.5,100").getBytes(StandardCharsets.UTF_8)),
                "symbol"));
        cases.add(refused(
                CATEGORY,
                "malformed symbol",
                CorpusRequest.body(
                        "POST",
                        "/api/v1/prices/csv?symbol=..%2f..%2fetc",
                        "text/csv",
                        Valid.csv(YAHOO, "2025-10-31,10,11,9,10.5,10.5,100").getBytes(StandardCharsets.UTF_8)),
                "symbol"));
        cases.add(refused(
                CATEGORY,
                "unknown mode",
                CorpusRequest.body(
                        "POST",
                        TARGET + "&mode=upsert",
                        "text/csv",
                        Valid.csv(YAHOO, "2025-10-31,10,11,9,10.5,10.5,100").getBytes(StandardCharsets.UTF_8)),
                "mode"));
        return cases;
    }

    private static CorpusCase csv(String name, String body, String named) {
        return bytes(name, body.getBytes(StandardCharsets.UTF_8), named);
    }

    private static CorpusCase bytes(String name, byte[] body, String named) {
        return refused(CATEGORY, name, CorpusRequest.body("POST", TARGET, "text/csv", body), named);
    }

    private static byte[] utf16(String text) {
        return text.getBytes(StandardCharsets.UTF_16);
    }
}
