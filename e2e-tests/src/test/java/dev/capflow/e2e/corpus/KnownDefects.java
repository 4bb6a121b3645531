package dev.capflow.e2e.corpus;

import java.util.Map;

/**
 * Corpus cases that find a defect not fixed yet, by label, with what is wrong: they are run and reported ("KNOWN") but
 * do not fail the suite. Fix the defect and remove its line; a listed case that passes is reported as fixed.
 */
final class KnownDefects {

    static final Map<String, String> CASES = Map.ofEntries(
            Map.entry("dates / ticks from 1899-12-31T23:59:59Z", "accepted with status 200"),
            Map.entry("dates / ticks from 2101-01-01T00:00:00Z", "accepted with status 200"),
            Map.entry("text / tick tradeId 100000 chars", "does not name tradeId (trade_id)"),
            Map.entry("csv / yahoo NUL in a value", "accepted with status 200"),
            Map.entry("csv / yahoo NUL in a value after a header and a bad row", "accepted with status 200"),
            Map.entry("csv / header only with a typo", "accepted with status 200"),
            Map.entry("baskets / delete version ", "accepted with status 204"),
            Map.entry("query / instrument version ", "accepted with status 200"),
            Map.entry("query / entity delete version ", "accepted with status 204"),
            Map.entry("query / loops maxLength ", "accepted with status 200"),
            Map.entry("query / loops limit ", "accepted with status 200"),
            Map.entry("query / loops minUsd ", "accepted with status 200"),
            Map.entry("query / instruments pageSize ", "accepted with status 200"),
            Map.entry("query / ticks pageSize ", "accepted with status 200"),
            Map.entry("query / loops minUsd 99999999999999999999", "accepted with status 200"),
            Map.entry("query / /api/v1/instruments pageSize 0", "accepted with status 200"),
            Map.entry("query / /api/v1/instruments pageSize 1001", "accepted with status 200"),
            Map.entry("query / /api/v1/baskets pageSize 0", "accepted with status 200"),
            Map.entry("query / /api/v1/baskets pageSize 1001", "accepted with status 200"),
            Map.entry("query / /api/v1/exposure/entities pageSize 0", "accepted with status 200"),
            Map.entry("query / /api/v1/exposure/entities pageSize 1001", "accepted with status 200"),
            Map.entry("query / /api/v1/exposure/edges pageSize 0", "accepted with status 200"),
            Map.entry("query / /api/v1/exposure/edges pageSize 1001", "accepted with status 200"),
            Map.entry("query / /api/v1/prices/NVDA/corporate-actions pageSize 0", "accepted with status 200"),
            Map.entry("query / /api/v1/prices/NVDA/corporate-actions pageSize 1001", "accepted with status 200"),
            Map.entry("query / /api/v1/prices/NVDA/bars/revisions pageSize 0", "accepted with status 200"),
            Map.entry("query / /api/v1/prices/NVDA/bars/revisions pageSize 1001", "accepted with status 200"),
            Map.entry("query / /api/v1/exposure/entities/openai/history pageSize 0", "accepted with status 200"),
            Map.entry("query / /api/v1/exposure/entities/openai/history pageSize 1001", "accepted with status 200"),
            Map.entry("query / parameter given twice", "accepted with status 200"),
            Map.entry(
                    "query / ticks of symbol ..%2f..%2fetc%2fpasswd",
                    "does not name symbol (404 unknown symbol ../../ETC/PASSWD (register it with UpsertInstrument))"),
            Map.entry("query / bars of symbol ..", "does not name symbol (404 HTTP 404 Not Found)"),
            Map.entry("query / ticks of symbol ..", "does not name symbol (404 HTTP 404 Not Found)"),
            Map.entry("query / instrument of symbol ..", "does not name symbol (404 HTTP 404 Not Found)"),
            Map.entry(
                    "query / ticks of symbol NV%20DA",
                    "does not name symbol (404 unknown symbol NV DA (register it with UpsertInstrument))"),
            Map.entry(
                    "query / ticks of symbol %E2%82%AC",
                    "does not name symbol (404 unknown symbol ? (register it with UpsertInstrument))"),
            Map.entry(
                    "query / ticks of symbol AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
                    "does not name symbol (404 unknown symbol AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA (register it with UpsertInstrument)"),
            Map.entry(
                    "query / ticks of symbol %27%3B%20DROP%20TABLE%20bars%3B--",
                    "does not name symbol (404 unknown symbol '; DROP TABLE BARS;-- (register it with UpsertInstrument))"),
            Map.entry(
                    "query / ticks of symbol %3Cscript%3E",
                    "does not name symbol (404 unknown symbol <SCRIPT> (register it with UpsertInstrument))"),
            Map.entry(
                    "query / ticks of symbol NVDA%0D%0AX-Injected:1",
                    "does not name symbol (404 unknown symbol NVDA  X-INJECTED:1 (register it with UpsertInstrument))"),
            Map.entry(
                    "query / ticks of symbol nvda*",
                    "does not name symbol (404 unknown symbol NVDA* (register it with UpsertInstrument))"),
            Map.entry("query / latest of an empty symbol", "accepted with status 200"),
            Map.entry("bodies / POST /api/v1/prices/bars two documents", "accepted with status 200"),
            Map.entry("bodies / POST /api/v1/prices/bars without content type", "accepted with status 200"),
            Map.entry("bodies / POST /api/v1/prices/ticks two documents", "accepted with status 200"),
            Map.entry("bodies / POST /api/v1/prices/ticks without content type", "accepted with status 200"),
            Map.entry("bodies / POST /api/v1/corporate-actions two documents", "accepted with status 201"),
            Map.entry("bodies / POST /api/v1/corporate-actions without content type", "accepted with status 200"),
            Map.entry("bodies / PUT /api/v1/instruments/CRPN two documents", "accepted with status 201"),
            Map.entry("bodies / PUT /api/v1/instruments/CRPN without content type", "accepted with status 201"),
            Map.entry("bodies / POST /api/v1/baskets two documents", "accepted with status 201"),
            Map.entry("bodies / POST /api/v1/baskets without content type", "accepted with status 201"),
            Map.entry(
                    "bodies / PUT /api/v1/exposure/entities/corpus-new-entity two documents",
                    "accepted with status 201"),
            Map.entry(
                    "bodies / PUT /api/v1/exposure/entities/corpus-new-entity without content type",
                    "accepted with status 201"),
            Map.entry("bodies / POST /api/v1/exposure/edges two documents", "accepted with status 201"),
            Map.entry("bodies / POST /api/v1/exposure/edges without content type", "accepted with status 201"),
            Map.entry("bodies / POST /api/v1/exposure/stress two documents", "accepted with status 200"),
            Map.entry("bodies / POST /api/v1/exposure/stress without content type", "accepted with status 200"));

    private KnownDefects() {}

    static boolean contains(CorpusCase corpusCase) {
        return CASES.containsKey(corpusCase.label());
    }
}
