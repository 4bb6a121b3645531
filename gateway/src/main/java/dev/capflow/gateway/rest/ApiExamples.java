package dev.capflow.gateway.rest;

/** JSON examples shown in the OpenAPI document; kept in one place so they stay consistent. */
final class ApiExamples {

    /** The 413 of the routes that compute over a window (performance, compare). */
    static final String HISTORY_LIMIT_413 =
            "The window needs more closes than basket-service reads for one answer (members x days over "
                    + "capflow.basket.max-history-points, 3,000,000 by default); the detail names the limit and the "
                    + "count. Ask for a window ending earlier, or use fewer members.";

    /** The responses and parameters of the symbol's history routes (bars; ticks and minute bars, which are paged). */
    static final String HISTORY_PAGE_200 = "One page.";

    static final String HISTORY_PAGE_400 =
            "A bad instant, range, pageSize or pageToken; violations name the parameter.";
    static final String HISTORY_PAGE_TOKEN = "The nextPageToken of the previous page; none for the first.";
    static final String UNKNOWN_SYMBOL_404 = "Unknown symbol.";

    static final String INSTRUMENT_INPUT = """
            {"name": "NVIDIA Corporation", "currency": "USD", "exchange": "NASDAQ", "kind": "EQUITY",
             "sharesOutstanding": 24300000000}""";
    static final String INSTRUMENT = """
            {"symbol": "NVDA", "name": "NVIDIA Corporation", "currency": "USD", "exchange": "NASDAQ",
             "kind": "EQUITY", "sharesOutstanding": 24300000000, "version": 1}""";
    static final String INSTRUMENTS = "[" + INSTRUMENT + "]";

    static final String BARS_INPUT = """
            [{"symbol": "NVDA", "date": "2025-10-29", "open": 207.98, "high": 212.19, "low": 205.51,
              "close": 207.04, "volume": 308829700},
             {"symbol": "NVDAX", "date": "2025-10-30", "open": 207.0, "high": 206.0, "low": 201.2,
              "close": 202.89, "volume": 216990100}]""";
    static final String BARS_REPORT = """
            {"accepted": 1, "duplicates": 0, "skipped": 0, "replaced": 0,
             "rejected": [{"index": 1, "field": "symbol",
                           "reason": "unknown symbol NVDAX (register the instrument first: UpsertInstrument, or PUT /api/v1/instruments/NVDAX at the gateway)"}]}""";

    static final String TICKS_INPUT = """
            [{"symbol": "NVDA", "ts": "2025-10-29T14:30:00Z", "price": 207.5, "size": 100, "source": "nasdaq", "tradeId": "7731"},
             {"symbol": "NVDA", "ts": "2025-10-29T14:30:00Z", "price": 207.5, "size": 40, "source": "nasdaq", "tradeId": "7732"},
             {"symbol": "NVDA", "ts": "2025-10-29T14:30:01Z", "price": 207.55}]""";
    static final String TICKS_REPORT = """
            {"accepted": 3, "duplicates": 0, "skipped": 0, "replaced": 0, "rejected": []}""";

    static final String CSV_INPUT = """
            Date,Open,High,Low,Close,Adj Close,Volume
            2025-10-29,207.98,212.19,205.51,207.04,207.04,308829700
            2025-10-30,null,null,null,null,null,null
            """;
    static final String CSV_REPORT = """
            {"symbol": "NVDA", "layout": "YAHOO", "rowsTotal": 2, "accepted": 1, "duplicates": 0, "skipped": 1,
             "replaced": 0, "rejected": [], "rejectedCount": 0, "rejectionsOmitted": 0}""";

    static final String BULK_CSV_INPUT = """
            symbol,date,open,high,low,close,volume
            NVDA,2025-10-29,207.98,212.19,205.51,207.04,308829700
            AAPL,2025-10-29,269.28,271.41,267.11,269.70,51086700
            AAPL,2025-10-30,271.99,274.14,268.48,x,69886500
            """;
    static final String BULK_CSV_REPORT = """
            {"rowsTotal": 3, "accepted": 2, "duplicates": 0, "skipped": 0, "replaced": 0,
             "rejected": [{"row": 4, "field": "close", "reason": "not a number: \\"x\\""}],
             "rejectedCount": 1, "rejectionsOmitted": 0}""";

    static final String ALL_REJECTED = """
            {"type": "urn:capflow:problem:records-rejected", "title": "Every record was rejected", "status": 422,
             "detail": "all 1 records were rejected; see rejected for the reasons", "instance": "/api/v1/prices/bars",
             "accepted": 0, "duplicates": 0, "skipped": 0,
             "rejected": [{"index": 0, "field": "close", "reason": "is required"}]}""";

    static final String BAR_SERIES = """
            {"symbol": "NVDA", "adjustment": "SPLIT",
             "bars": [{"date": "2025-10-29", "open": 207.98, "high": 212.19, "low": 205.51, "close": 207.04,
                       "volume": 308829700}]}""";

    static final String LATEST_PRICES = """
            [{"symbol": "NVDA", "price": 207.04, "ts": "2025-10-29T20:00:00Z", "source": "DAILY_CLOSE"},
             {"symbol": "MSFT", "price": 541.55, "ts": "2025-10-30T15:02:11Z", "source": "TICK"}]""";

    static final String SPLIT_INPUT = """
            {"symbol": "NVDA", "exDate": "2024-06-10", "kind": "SPLIT", "ratio": 10}""";
    static final String DIVIDEND_INPUT = """
            {"symbol": "NVDA", "exDate": "2025-09-11", "kind": "DIVIDEND", "amount": 0.01}""";
    static final String SPLIT = """
            {"symbol": "NVDA", "exDate": "2024-06-10", "kind": "SPLIT", "ratio": 10.0}""";
    static final String CORPORATE_ACTIONS = """
            [{"symbol": "NVDA", "exDate": "2024-06-10", "kind": "SPLIT", "ratio": 10.0},
             {"symbol": "NVDA", "exDate": "2025-09-11", "kind": "DIVIDEND", "amount": 0.01}]""";

    static final String INVALID_REQUEST = """
            {"type": "urn:capflow:problem:invalid-request", "title": "Invalid request", "status": 400,
             "detail": "from must be an ISO-8601 date such as 2025-10-29", "instance": "/api/v1/prices/NVDA/bars",
             "violations": [{"field": "from", "reason": "must be an ISO-8601 date such as 2025-10-29"}]}""";
    static final String NOT_A_JSON_ARRAY = """
            {"type": "urn:capflow:problem:invalid-request", "title": "Invalid request", "status": 400,
             "detail": "body must be a JSON array of records", "instance": "/api/v1/prices/bars",
             "violations": [{"field": "body", "reason": "must be a JSON array of records"}]}""";
    static final String NOT_FOUND = """
            {"type": "urn:capflow:problem:not-found", "title": "Not found", "status": 404,
             "detail": "unknown symbol XYZ", "instance": "/api/v1/prices/XYZ/bars"}""";

    static final String BASKET_INPUT = """
            {"id": "team-google", "name": "Team Google", "currency": "USD", "baseDate": "2025-10-29",
             "weighting": "EQUAL", "rebalance": "NONE",
             "members": [{"symbol": "GOOGL"}, {"symbol": "AVGO"}, {"symbol": "CLS"}, {"symbol": "LITE"},
                         {"symbol": "TTMI"}]}""";
    static final String BASKET_UPDATE = """
            {"name": "Team Google", "currency": "USD", "baseDate": "2025-10-29", "baseValue": 100,
             "weighting": "CUSTOM", "rebalance": "MONTHLY",
             "members": [{"symbol": "GOOGL", "weight": 0.6}, {"symbol": "AVGO", "weight": 0.4}], "version": 1}""";
    static final String BASKET = """
            {"id": "team-google", "name": "Team Google", "currency": "USD", "baseDate": "2025-10-29",
             "baseValue": 100.0, "weighting": "EQUAL", "rebalance": "NONE",
             "members": [{"symbol": "GOOGL", "weight": 0.2}, {"symbol": "AVGO", "weight": 0.2},
                         {"symbol": "CLS", "weight": 0.2}, {"symbol": "LITE", "weight": 0.2},
                         {"symbol": "TTMI", "weight": 0.2}], "version": 1}""";
    static final String BASKETS = "[" + BASKET + "]";
    static final String PERFORMANCE = """
            {"basketId": "team-google", "from": "2025-10-29", "to": "2025-12-31", "returnType": "PRICE",
             "basketVersion": 1, "currency": "USD",
             "series": [{"date": "2025-10-29", "level": 100.0}, {"date": "2025-12-31", "level": 114.4}],
             "metrics": {"totalReturn": 0.144, "annualizedReturn": 0.71, "annualizedVolatility": 0.35,
                         "sharpe": 1.9, "maxDrawdown": -0.082, "maxDrawdownPeak": "2025-11-03",
                         "maxDrawdownTrough": "2025-11-20", "beta": null, "correlation": null},
             "contributions": [{"symbol": "GOOGL", "weight": 0.2, "return": 0.21, "contribution": 0.042, "endWeight": 0.21}]}""";
    static final String COMPARISON = """
            {"a": "team-google", "b": "team-openai", "from": "2025-10-29", "to": "2025-12-31", "returnType": "PRICE",
             "currencyA": "USD", "currencyB": "USD",
             "series": [{"date": "2025-10-29", "levelA": 100.0, "levelB": 100.0, "spread": 0.0, "ratio": 1.0},
                        {"date": "2025-12-31", "levelA": 114.4, "levelB": 103.1, "spread": 0.113, "ratio": 1.1096}]}""";
    static final String BASKET_NOT_FOUND = """
            {"type": "urn:capflow:problem:not-found", "title": "Not found", "status": 404,
             "detail": "no basket team-x", "instance": "/api/v1/baskets/team-x"}""";
    static final String VERSION_CONFLICT = """
            {"type": "urn:capflow:problem:conflict", "title": "Conflict", "status": 409,
             "detail": "basket team-google is at version 2, not 1", "instance": "/api/v1/baskets/team-google"}""";

    private ApiExamples() {}
}
