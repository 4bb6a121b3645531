"""The fresh corpus of the hostile trial: kinds of input hostile_trial.py's first corpus did not try.

Every case goes through the same checks as the first corpus (RestCases.write/read and GrpcCases.run): no 5xx and no
INTERNAL/UNKNOWN, problem+json naming the field as the client sent it, nothing stored by a refusal, no NaN or Infinity,
every answer within 5 s. Categories:

- types: every body field of every write route with a JSON value of the wrong type (array, object, boolean, number,
  a number spelled as a string, an integer of 400 digits);
- bounds: numbers, lengths, dates and instants at and just past every documented bound, on both sides;
- confusables: look-alike letters (Cyrillic, Greek, dotless i, long s, Kelvin sign, ligatures, sharp s), zero-width
  joiners, bidirectional marks and combining marks in ids, symbols and names;
- paths: percent-encoded and double-encoded path segments, overlong UTF-8, encoded slashes, matrix parameters;
- methods: PUT/PATCH/DELETE on collections, POST/PATCH on items, HEAD, OPTIONS without CORS headers, TRACE, unknown
  methods, method override headers;
- headers: repeated query parameters, parameters in another case, XML and other Accept headers, conditional headers
  with garbage, Content-Encoding lies, idempotency keys at their length limit, huge Last-Event-ID and Authorization;
- streams: SSE on deleted and unknown baskets, on unknown and over-long symbols, with other methods;
- grpc-extreme: every paged request at negative, minimum and maximum page sizes and with forged page tokens, 10 MB
  strings, versions at the int64 bounds, undeclared enum numbers in every enum field, timestamps outside their range,
  bad credentials in metadata, 1 ms deadlines on heavy calls, request ids reused with another body;
- conflicts: one version written twice at once (one success and one 409, never two successes), idempotency keys
  reused at once and one after the other with another body.
"""

import base64
import datetime
import json
import struct
import time
import urllib.parse

from hostile_trial import bar, edge_body, entity_body, race_indexed, resign

HUGE_INTEGER = "1" + "0" * 400
WRONG_TYPES = {
    "string": [("an array", ["x"]), ("an object", {"x": 1}), ("a boolean", True), ("a number", 42)],
    "number": [("an array", [1]), ("an object", {"v": 1}), ("a boolean", True), ("a numeric string", "1e5"),
               ("an integer of 400 digits", HUGE_INTEGER)],
    "boolean": [("a string", "true"), ("a number", 1), ("an array", [True]), ("an object", {})],
    "array": [("an object", {}), ("a string", "x"), ("a number", 1), ("a boolean", False)],
    "object": [("an array", []), ("a string", "x"), ("a number", 1), ("a boolean", True)],
}


def set_path(body, path, value):
    """body with the member at a dotted path ("members.0.symbol") set to value."""
    target = body
    keys = [int(k) if k.isdigit() else k for k in path.split(".")]
    for key in keys[:-1]:
        target = target[key]
    target[keys[-1]] = value
    return body


def dumps_with(body, path, value):
    """JSON text of body with value at path; a HUGE_INTEGER goes in as a bare number literal."""
    if value is HUGE_INTEGER:
        return json.dumps(set_path(body, path, "__HUGE__")).replace('"__HUGE__"', HUGE_INTEGER)
    return json.dumps(set_path(body, path, value))


class FreshRestCases:
    def __init__(self, rest_cases):
        self.c = rest_cases
        self.t, self.r, self.f = rest_cases.t, rest_cases.r, rest_cases.f
        f = self.f
        # an instrument of its own, for corporate-action bounds that must not move the fixture's adjusted series
        self.symbol = f.fresh("symbol")
        self.r.call("PUT", "/api/v1/instruments/" + self.symbol, json.dumps(
            {"name": "Fresh", "currency": "USD", "exchange": "X", "kind": "EQUITY"}))
        self.r.call("POST", "/api/v1/prices/bars", json.dumps([bar(self.symbol, "2025-10-%02d" % d, 10)
                                                                for d in (1, 2, 3)]))

    def all(self, only):
        for category in ("types", "bounds", "confusables", "paths", "methods", "headers", "streams", "conflicts"):
            if only is None or category in only:
                getattr(self, category)()

    # --- the wrong JSON type in every body field -------------------------------------------------------------------

    def routes(self):
        """(name, method, path, valid body maker, [(field path, JSON name, type)], path of what it creates)."""
        f = self.f
        return [
            ("instrument", "PUT", lambda ids: "/api/v1/instruments/" + ids["symbol"],
             lambda ids: {"name": "T", "currency": "USD", "exchange": "X", "kind": "EQUITY",
                          "sharesOutstanding": 1000},
             [("name", "string"), ("currency", "string"), ("exchange", "string"), ("kind", "string"),
              ("sharesOutstanding", "number")], None),
            ("bar", "POST", lambda ids: "/api/v1/prices/bars",
             lambda ids: [bar(f.symbol, "2025-11-17", 10)],
             [("0.symbol", "string"), ("0.date", "string"), ("0.open", "number"), ("0.high", "number"),
              ("0.low", "number"), ("0.close", "number"), ("0.volume", "number")], None),
            ("tick", "POST", lambda ids: "/api/v1/prices/ticks",
             lambda ids: [{"symbol": f.symbol, "ts": "2025-10-30T18:00:00Z", "price": 10, "size": 1,
                           "source": "fresh", "tradeId": "types"}],
             [("0.symbol", "string"), ("0.ts", "string"), ("0.price", "number"), ("0.size", "number"),
              ("0.source", "string"), ("0.tradeId", "string")], None),
            ("corporate action", "POST", lambda ids: "/api/v1/corporate-actions",
             lambda ids: {"symbol": self.symbol, "exDate": "2025-10-02", "kind": "SPLIT", "ratio": 2},
             [("symbol", "string"), ("exDate", "string"), ("kind", "string"), ("ratio", "number")], None),
            ("basket", "POST", lambda ids: "/api/v1/baskets",
             lambda ids: {"id": ids["basket"], "name": "T", "currency": "USD", "baseDate": "2025-10-01",
                          "baseValue": 100, "weighting": "CUSTOM", "rebalance": "NONE",
                          "members": [{"symbol": "NVDA", "weight": 1}]},
             [("id", "string"), ("name", "string"), ("currency", "string"), ("baseDate", "string"),
              ("baseValue", "number"), ("weighting", "string"), ("rebalance", "string"), ("members", "array"),
              ("members.0", "object"), ("members.0.symbol", "string"), ("members.0.weight", "number")],
             lambda ids: "/api/v1/baskets/" + ids["basket"]),
            ("entity", "PUT", lambda ids: "/api/v1/exposure/entities/" + ids["entity"],
             lambda ids: entity_body(),
             [("name", "string"), ("kind", "string"), ("valuationUsd", "number"), ("valuationAsOf", "string"),
              ("valuationSource", "string"), ("revenueUsd", "number"), ("cashUsd", "number"),
              ("cashAsOf", "string")], lambda ids: "/api/v1/exposure/entities/" + ids["entity"]),
            ("listed entity", "PUT", lambda ids: "/api/v1/exposure/entities/" + ids["entity"],
             lambda ids: entity_body(kind="LISTED", ticker="NVDA", listings=["NVDA"]),
             [("ticker", "string"), ("listings", "array"), ("listings.0", "string")],
             lambda ids: "/api/v1/exposure/entities/" + ids["entity"]),
            ("edge", "POST", lambda ids: "/api/v1/exposure/edges",
             lambda ids: edge_body(ids["edge"], f.entity_b, f.entity_c, note="n"),
             [("id", "string"), ("from", "string"), ("to", "string"), ("kind", "string"), ("amountUsd", "number"),
              ("asOf", "string"), ("source", "string"), ("confidence", "string"), ("estimated", "boolean"),
              ("note", "string"), ("sourceRow", "string")], lambda ids: "/api/v1/exposure/edges/" + ids["edge"]),
            ("stress", "POST", lambda ids: "/api/v1/exposure/stress",
             lambda ids: {"model": "CROSS_HOLDINGS", "shocks": [{"entity": f.entity_b, "valueChange": -0.5}],
                          "options": {"theta": 0.5}, "asOf": "2100-01-01", "knownAt": "2100-01-01T00:00:00Z",
                          "amounts": "BASE"},
             [("model", "string"), ("shocks", "array"), ("shocks.0", "object"), ("shocks.0.entity", "string"),
              ("shocks.0.valueChange", "number"), ("options", "object"), ("options.theta", "number"),
              ("asOf", "string"), ("knownAt", "string"), ("amounts", "string")], None),
        ]

    def fresh_ids(self):
        f = self.f
        return {"symbol": f.fresh("symbol"), "basket": f.fresh("basket"), "entity": f.fresh("entity"),
                "edge": f.fresh("edge")}

    def types(self):
        for name, method, path, body, fields, created in self.routes():
            for field, kind in fields:
                json_name = [k for k in field.split(".") if not k.isdigit()][-1]
                for what, value in WRONG_TYPES[kind]:
                    ids = self.fresh_ids()
                    text = dumps_with(body(ids), field, value)
                    # an element of a list is named by its list's name and index ("members[0]")
                    names = (json_name,) if not field[-1].isdigit() else (json_name, field.split(".")[0])
                    self.c.write("types", "%s %s as %s" % (name, field.replace(".0", "[0]"), what), method,
                                 path(ids), text, "refused", fields=names,
                                 absent=() if created is None or field == "id" else (created(ids),))

    # --- at and just past every documented bound ---------------------------------------------------------------------

    def bounds(self):
        f = self.f
        w = self.c.write
        today = datetime.date.today()
        tomorrow = today + datetime.timedelta(days=2)

        def instrument(**change):
            body = {"name": "B", "currency": "USD", "exchange": "X", "kind": "EQUITY"}
            body.update(change)
            return json.dumps(body)
        for label, symbol, body, expect, field in (
                ("name of 200 characters", f.fresh("symbol"), instrument(name="n" * 200), "ok", "name"),
                ("name of 201 characters", f.fresh("symbol"), instrument(name="n" * 201), "refused", "name"),
                ("exchange of 64 characters", f.fresh("symbol"), instrument(exchange="x" * 64), "ok", "exchange"),
                ("exchange of 65 characters", f.fresh("symbol"), instrument(exchange="x" * 65), "refused",
                 "exchange"),
                ("symbol of 32 characters", ("TRN" + f.tag + "X" * 32)[:32], instrument(), "ok", "symbol"),
                ("symbol of 33 characters", ("TRN" + f.tag + "X" * 33)[:33], instrument(), "refused", "symbol"),
                ("sharesOutstanding 1", f.fresh("symbol"), instrument(sharesOutstanding=1), "ok",
                 "sharesOutstanding"),
                ("sharesOutstanding 0", f.fresh("symbol"), instrument(sharesOutstanding=0), "refused",
                 "sharesOutstanding"),
                ("sharesOutstanding max int64", f.fresh("symbol"),
                 instrument(sharesOutstanding=9223372036854775807), "answered", "sharesOutstanding"),
                ("sharesOutstanding -1", f.fresh("symbol"), instrument(sharesOutstanding=-1), "refused",
                 "sharesOutstanding")):
            w("bounds", "instrument " + label, "PUT", "/api/v1/instruments/" + symbol, body, expect, fields=(field,))
        sym = f.fresh("symbol")
        w("bounds", "instrument version max int64 (stale)", "PUT", "/api/v1/instruments/%s?version=%d" %
          (f.symbol2, 2 ** 63 - 1), instrument(name="Trial " + f.symbol2, exchange="TEST",
                                                sharesOutstanding=1000000), 409, fields=("version",))
        w("bounds", "instrument version 2^63", "PUT", "/api/v1/instruments/%s?version=%d" % (sym, 2 ** 63),
          instrument(), "refused", fields=("version",))
        w("bounds", "instrument version -1", "PUT", "/api/v1/instruments/%s?version=-1" % sym, instrument(),
          "refused", fields=("version",))

        def one_bar(date, price, volume=1):
            return json.dumps([{"symbol": self.symbol, "date": date, "open": price, "high": price, "low": price,
                                "close": price, "volume": volume}])
        for label, body, expect, field in (
                ("prices 1e7 (the maximum)", one_bar("2025-10-06", 1e7), "ok", "close"),
                ("prices 1.0000001e7", one_bar("2025-10-07", 1.0000001e7), "refused", "open"),
                ("prices 1e-6 (the minimum)", one_bar("2025-10-08", 1e-6), "ok", "close"),
                ("prices 9.999999e-7", one_bar("2025-10-09", 9.999999e-7), "refused", "open"),
                ("volume 1e15 (the maximum)", one_bar("2025-10-10", 10, 10 ** 15), "ok", "volume"),
                ("volume 1e15 + 1", one_bar("2025-10-13", 10, 10 ** 15 + 1), "refused", "volume"),
                ("volume max int64", one_bar("2025-10-13", 10, 2 ** 63 - 1), "refused", "volume"),
                ("volume 2^63", one_bar("2025-10-13", 10, 2 ** 63), "refused", "volume"),
                ("volume -1", one_bar("2025-10-13", 10, -1), "refused", "volume"),
                ("date 1900-01-01", one_bar("1900-01-01", 10), "ok", "date"),
                ("date 1899-12-31", one_bar("1899-12-31", 10), "refused", "date"),
                ("date today", one_bar(today.isoformat(), 10), "ok", "date"),
                ("date the day after tomorrow (the future)", one_bar(tomorrow.isoformat(), 10), "refused", "date"),
                ("date 2100-12-31 (the future)", one_bar("2100-12-31", 10), "refused", "date"),
                ("date 2101-01-01", one_bar("2101-01-01", 10), "refused", "date")):
            w("bounds", "bar " + label, "POST", "/api/v1/prices/bars", body, expect, fields=(field,))

        def tick(ts, price=10, size=1):
            return json.dumps([{"symbol": self.symbol, "ts": ts, "price": price, "size": size, "source": "fresh",
                                "tradeId": "b-%s-%s-%s" % (ts, price, size)}])
        for label, body, expect, field in (
                ("ts 1900-01-01T00:00:00Z", tick("1900-01-01T00:00:00Z"), "ok", "ts"),
                ("ts 1899-12-31T23:59:59.999Z", tick("1899-12-31T23:59:59.999Z"), "refused", "ts"),
                ("ts 2100-12-31T23:59:59.999Z (the future)", tick("2100-12-31T23:59:59.999Z"), "refused", "ts"),
                ("ts 2101-01-01T00:00:00Z", tick("2101-01-01T00:00:00Z"), "refused", "ts"),
                ("ts with a +14:00 offset", tick("2025-10-30T10:00:00+14:00"), "ok", "ts"),
                ("ts with a +25:00 offset", tick("2025-10-30T10:00:00+25:00"), "refused", "ts"),
                ("price 1e7", tick("2025-10-30T19:00:00Z", 1e7), "ok", "price"),
                ("price 1.0000001e7", tick("2025-10-30T19:00:01Z", 1.0000001e7), "refused", "price"),
                ("size 1e15", tick("2025-10-30T19:00:02Z", 10, 10 ** 15), "ok", "size"),
                ("size 1e15 + 1", tick("2025-10-30T19:00:03Z", 10, 10 ** 15 + 1), "refused", "size"),
                ("size -1", tick("2025-10-30T19:00:04Z", 10, -1), "refused", "size")):
            w("bounds", "tick " + label, "POST", "/api/v1/prices/ticks", body, expect, fields=(field,))
        for label, action, expect, field in (
                ("split ratio 1e-4", {"kind": "SPLIT", "ratio": 1e-4, "exDate": "2025-09-01"}, "ok", "ratio"),
                ("split ratio 9.9999e-5", {"kind": "SPLIT", "ratio": 9.9999e-5, "exDate": "2025-09-02"}, "refused",
                 "ratio"),
                ("split ratio 1e4", {"kind": "SPLIT", "ratio": 1e4, "exDate": "2025-09-03"}, "ok", "ratio"),
                ("split ratio 10000.001", {"kind": "SPLIT", "ratio": 10000.001, "exDate": "2025-09-04"}, "refused",
                 "ratio"),
                ("dividend 1e-6", {"kind": "DIVIDEND", "amount": 1e-6, "exDate": "2025-09-05"}, "ok", "amount"),
                ("dividend 9.999999e-7", {"kind": "DIVIDEND", "amount": 9.999999e-7, "exDate": "2025-09-08"},
                 "refused", "amount"),
                ("dividend 1.0000001e7", {"kind": "DIVIDEND", "amount": 1.0000001e7, "exDate": "2025-09-09"},
                 "refused", "amount"),
                ("exDate 1899-12-31", {"kind": "SPLIT", "ratio": 2, "exDate": "1899-12-31"}, "refused", "exDate"),
                ("exDate 2101-01-01", {"kind": "SPLIT", "ratio": 2, "exDate": "2101-01-01"}, "refused", "exDate")):
            w("bounds", "corporate action " + label, "POST", "/api/v1/corporate-actions",
              json.dumps(dict(action, symbol=self.symbol)), expect, fields=(field,))

        def basket(**change):
            body = {"id": f.fresh("basket"), "name": "B", "currency": "USD", "baseDate": "2025-10-01",
                    "members": [{"symbol": "NVDA"}]}
            body.update(change)
            return body
        long_id = ("trial-" + f.tag.lower() + "-" + "x" * 64)
        for label, body, expect, field in (
                ("id of 64 characters", basket(id=long_id[:64]), "ok", "id"),
                ("id of 65 characters", basket(id=long_id[:65]), "refused", "id"),
                ("name of 200 characters", basket(name="n" * 200), "ok", "name"),
                ("name of 201 characters", basket(name="n" * 201), "refused", "name"),
                ("baseDate 1900-01-01", basket(baseDate="1900-01-01"), "ok", "baseDate"),
                ("baseDate 1899-12-31", basket(baseDate="1899-12-31"), "refused", "baseDate"),
                ("baseDate today", basket(baseDate=today.isoformat()), "ok", "baseDate"),
                ("baseDate the day after tomorrow", basket(baseDate=tomorrow.isoformat()), "refused", "baseDate"),
                ("3001 members", basket(members=[{"symbol": "S%d" % n} for n in range(3001)]), "refused",
                 "members"),
                ("CUSTOM weights summing to 1 + 5e-10",
                 basket(weighting="CUSTOM", members=[{"symbol": "NVDA", "weight": 0.5},
                                                     {"symbol": "MSFT", "weight": 0.5 + 5e-10}]), "ok", "weight"),
                ("CUSTOM weights summing to 1 + 2e-9",
                 basket(weighting="CUSTOM", members=[{"symbol": "NVDA", "weight": 0.5},
                                                     {"symbol": "MSFT", "weight": 0.5 + 2e-9}]), "refused",
                 "weight"),
                ("CUSTOM weights summing to 1 - 2e-9",
                 basket(weighting="CUSTOM", members=[{"symbol": "NVDA", "weight": 0.5},
                                                     {"symbol": "MSFT", "weight": 0.5 - 2e-9}]), "refused",
                 "weight"),
                ("CUSTOM weight -1e-12", basket(weighting="CUSTOM", members=[{"symbol": "NVDA", "weight": 1},
                                                                         {"symbol": "MSFT", "weight": -1e-12}]),
                 "refused", "weight"),
                ("member symbol of 33 characters", basket(members=[{"symbol": "A" * 33}]), "refused", "symbol")):
            w("bounds", "basket " + label, "POST", "/api/v1/baskets", json.dumps(body), expect, fields=(field,),
              absent=() if expect != "refused" else ("/api/v1/baskets/" + body["id"],))
        for label, change, expect, field in (
                ("name of 200 characters", {"name": "n" * 200}, "ok", "name"),
                ("name of 201 characters", {"name": "n" * 201}, "refused", "name"),
                ("valuationSource of 2000 characters", {"valuationSource": "s" * 2000}, "ok", "valuationSource"),
                ("valuationSource of 2001 characters", {"valuationSource": "s" * 2001}, "refused",
                 "valuationSource"),
                ("valuationUsd 1e14", {"valuationUsd": 1e14}, "ok", "valuationUsd"),
                ("valuationUsd 1.000001e14", {"valuationUsd": 1.000001e14}, "refused", "valuationUsd"),
                ("valuationUsd 5e-324", {"valuationUsd": 5e-324}, "answered", "valuationUsd"),
                ("revenueUsd 0", {"revenueUsd": 0}, "ok", "revenueUsd"),
                ("revenueUsd -1e-9", {"revenueUsd": -1e-9}, "refused", "revenueUsd"),
                ("cashUsd 1e14", {"cashUsd": 1e14}, "ok", "cashUsd"),
                ("cashUsd 1.000001e14", {"cashUsd": 1.000001e14}, "refused", "cashUsd"),
                ("valuationAsOf 1899-12-31", {"valuationAsOf": "1899-12-31"}, "refused", "valuationAsOf"),
                ("cashAsOf 2101-01-01", {"cashAsOf": "2101-01-01"}, "refused", "cashAsOf")):
            entity = f.fresh("entity")
            w("bounds", "entity " + label, "PUT", "/api/v1/exposure/entities/" + entity,
              json.dumps(entity_body(**change)), expect, fields=(field,),
              absent=() if expect != "refused" else ("/api/v1/exposure/entities/" + entity,))
        for label, change, expect, field in (
                ("source of 2000 characters", {"source": "s" * 2000}, "ok", "source"),
                ("source of 2001 characters", {"source": "s" * 2001}, "refused", "source"),
                ("note of 2000 characters", {"note": "n" * 2000}, "ok", "note"),
                ("note of 2001 characters", {"note": "n" * 2001}, "refused", "note"),
                ("sourceRow of 32 characters", {"sourceRow": "r" * 32}, "ok", "sourceRow"),
                ("sourceRow of 33 characters", {"sourceRow": "r" * 33}, "refused", "sourceRow"),
                ("amountUsd 1e13", {"amountUsd": 1e13}, "ok", "amountUsd"),
                ("amountUsd 1.000001e13", {"amountUsd": 1.000001e13}, "refused", "amountUsd"),
                ("amountUsd -1e-9", {"amountUsd": -1e-9}, "refused", "amountUsd"),
                ("capacityGw 100", {"kind": "PURCHASE", "amountUsd": None, "capacityGw": 100,
                                    "capacityKind": "ACCELERATORS", "estimated": True, "note": "c"}, "ok",
                 "capacityGw"),
                ("capacityGw 100.000001", {"kind": "PURCHASE", "amountUsd": None, "capacityGw": 100.000001,
                                           "capacityKind": "ACCELERATORS", "estimated": True, "note": "c"},
                 "refused", "capacityGw"),
                ("capacityGw 0", {"kind": "PURCHASE", "amountUsd": None, "capacityGw": 0,
                                  "capacityKind": "ACCELERATORS", "estimated": True, "note": "c"}, "refused",
                 "capacityGw"),
                # the old corpus already gave the target outside owners' shares: 1 may be refused as too much
                ("share 1", {"kind": "EQUITY", "amountUsd": None, "share": 1}, "answered", "share"),
                ("share 1.000000001", {"kind": "EQUITY", "amountUsd": None, "share": 1.000000001}, "refused",
                 "share"),
                ("share -1e-12", {"kind": "EQUITY", "amountUsd": None, "share": -1e-12}, "refused", "share"),
                ("asOf 1899-12-31", {"asOf": "1899-12-31"}, "refused", "asOf"),
                ("amountLowUsd above amountUsd", {"amountLowUsd": 2e6, "estimated": True, "note": "r"}, "refused",
                 "amountLowUsd"),
                ("amountHighUsd below amountUsd", {"amountHighUsd": 5e5, "estimated": True, "note": "r"}, "refused",
                 "amountHighUsd")):
            edge = f.fresh("edge")
            body = dict(edge_body(edge, f.entity_b, f.entity_c), **change)  # "source" is also edge_body's parameter
            body = {k: v for k, v in body.items() if v is not None}
            w("bounds", "edge " + label, "POST", "/api/v1/exposure/edges", json.dumps(body), expect,
              fields=(field,), absent=() if expect != "refused" else ("/api/v1/exposure/edges/" + edge,))
        for label, model, shock, options, expect, field in (
                ("valueChange -1", "CROSS_HOLDINGS", -1, None, "ok", "valueChange"),
                ("valueChange -1.000000001", "CROSS_HOLDINGS", -1.000000001, None, "refused", "valueChange"),
                ("valueChange 10", "CROSS_HOLDINGS", 10, None, "ok", "valueChange"),
                ("valueChange 10.000001", "CROSS_HOLDINGS", 10.000001, None, "refused", "valueChange"),
                ("DEBTRANK valueChange 0", "DEBTRANK", 0, None, "ok", "valueChange"),
                ("DEBTRANK valueChange 1e-9", "DEBTRANK", 1e-9, None, "refused", "valueChange"),
                ("beta 10", "CROSS_HOLDINGS", -0.5, {"theta": 0.5, "beta": 10}, "ok", "beta"),
                ("beta 10.000001", "CROSS_HOLDINGS", -0.5, {"theta": 0.5, "beta": 10.000001}, "refused", "beta"),
                ("theta 1.000001", "CROSS_HOLDINGS", -0.5, {"theta": 1.000001}, "refused", "theta"),
                ("theta -0.000001", "CROSS_HOLDINGS", -0.5, {"theta": -0.000001}, "refused", "theta"),
                ("horizonYears 100", "CLEARING", -0.5, {"horizonYears": 100}, "ok", "horizonYears"),
                ("horizonYears 100.000001", "CLEARING", -0.5, {"horizonYears": 100.000001}, "refused",
                 "horizonYears"),
                ("alpha 1e-9", "CLEARING", -0.5, {"alpha": 1e-9}, "ok", "alpha"),
                ("alpha -1e-9", "CLEARING", -0.5, {"alpha": -1e-9}, "refused", "alpha"),
                ("CLEARING beta 1", "CLEARING", -0.5, {"beta": 1}, "ok", "beta"),
                ("CLEARING beta 1.000001", "CLEARING", -0.5, {"beta": 1.000001}, "refused", "beta"),
                ("CLEARING beta -0.1", "CLEARING", -0.5, {"beta": -0.1}, "refused", "beta")):
            body = {"model": model, "asOf": "2100-01-01", "shocks": [{"entity": f.entity_a, "valueChange": shock}]}
            if options:
                body["options"] = options
            w("bounds", "stress " + label, "POST", "/api/v1/exposure/stress", json.dumps(body), expect,
              fields=(field,), state=False)
        read = self.c.read
        b, s = f.basket, f.symbol
        for label, path, expect, field in (
                ("riskFreeRate -0.05", "/api/v1/baskets/%s/performance?riskFreeRate=-0.05" % b, "ok",
                 "riskFreeRate"),
                ("riskFreeRate -0.0500001", "/api/v1/baskets/%s/performance?riskFreeRate=-0.0500001" % b, "refused",
                 "riskFreeRate"),
                ("bars from 1900-01-01", "/api/v1/prices/%s/bars?from=1900-01-01" % s, "ok", "from"),
                ("bars from 1899-12-31", "/api/v1/prices/%s/bars?from=1899-12-31" % s, "refused", "from"),
                ("bars to 2100-12-31", "/api/v1/prices/%s/bars?to=2100-12-31" % s, "ok", "to"),
                ("bars to 2101-01-01", "/api/v1/prices/%s/bars?to=2101-01-01" % s, "refused", "to"),
                ("performance from 1899-12-31", "/api/v1/baskets/%s/performance?from=1899-12-31" % b, "refused",
                 "from"),
                ("compare to 2101-01-01", "/api/v1/compare?a=%s&b=%s&to=2101-01-01" % (b, b), "refused", "to"),
                ("ticks from 1899-12-31T23:59:59Z", "/api/v1/prices/%s/ticks?from=1899-12-31T23:59:59Z" % s,
                 "refused", "from"),
                ("ticks to 2101-01-01T00:00:00Z", "/api/v1/prices/%s/ticks?to=2101-01-01T00:00:00Z" % s, "refused",
                 "to"),
                ("ticks pageSize 10000", "/api/v1/prices/%s/ticks?pageSize=10000" % s, "ok", "pageSize"),
                ("ticks pageSize 10001", "/api/v1/prices/%s/ticks?pageSize=10001" % s, "refused", "pageSize"),
                ("minute bars pageSize -1", "/api/v1/prices/%s/minute-bars?pageSize=-1" % s, "refused",
                 "pageSize"),
                ("loops minUsd 1e13", "/api/v1/exposure/loops?minUsd=1e13", "ok", "minUsd"),
                ("loops minUsd 1.0000001e13", "/api/v1/exposure/loops?minUsd=1.0000001e13", "refused", "minUsd"),
                ("edges knownAt 2101-01-01T00:00:00Z", "/api/v1/exposure/edges?knownAt=2101-01-01T00:00:00Z",
                 "refused", "knownAt"),
                ("entities knownAt 1899-12-31T23:59:59Z",
                 "/api/v1/exposure/entities?knownAt=1899-12-31T23:59:59Z", "refused", "knownAt")):
            read("bounds", label, path, expect, fields=(field,))
        for route in ("/api/v1/baskets", "/api/v1/instruments", "/api/v1/exposure/entities", "/api/v1/exposure/edges",
                      "/api/v1/prices/%s/corporate-actions" % s, "/api/v1/prices/%s/bars/revisions" % s):
            for size, expect in (("1000", "ok"), ("1001", "ok"), ("-1", "refused"), ("2147483648", "refused"),
                                 ("-2147483648", "refused")):
                read("bounds", "%s pageSize %s" % (route.split("/api/v1/")[1], size),
                     "%s?pageSize=%s" % (route, size), expect, fields=("pageSize",))

    # --- look-alike and invisible characters -------------------------------------------------------------------------

    CONFUSABLES = {
        "Cyrillic A": "\u0410", "Greek Omicron": "\u039f", "dotless i": "\u0131", "long s": "\u017f",
        "Kelvin sign": "\u212a", "fi ligature": "\ufb01", "sharp s": "\u00df", "fullwidth digit one": "\uff11",
        "zero-width joiner": "\u200d", "left-to-right mark": "\u200e", "word joiner": "\u2060",
        "soft hyphen": "\u00ad", "combining ring": "\u030a", "Arabic letter mark": "\u061c",
        "tag letter A": "\U000e0041", "trailing NUL": "\u0000",
    }

    def confusables(self):
        f = self.f
        w = self.c.write
        for name, char in self.CONFUSABLES.items():
            lower = char in ("\u0131", "\u017f", "\u212a", "\ufb01", "\u00df")
            # a look-alike in a symbol: upper-casing must not fold it into an ASCII symbol
            symbol = ("trn%s" % f.tag.lower() if lower else "TRN" + f.tag) + char + "Q"
            w("confusables", "instrument symbol with a %s" % name, "PUT",
              "/api/v1/instruments/" + urllib.parse.quote(symbol, safe=""),
              json.dumps({"name": "C", "currency": "USD", "exchange": "X", "kind": "EQUITY"}), "refused",
              fields=("symbol",))
            self.c.read("confusables", "bars of a symbol with a %s" % name,
                        "/api/v1/prices/%s/bars" % urllib.parse.quote(f.symbol.lower() + char, safe=""), "refused",
                        fields=("symbol",))
            w("confusables", "bar symbol with a %s" % name, "POST", "/api/v1/prices/bars",
              json.dumps([bar(f.symbol.lower() + char, "2025-11-18", 10)]), "refused", fields=("symbol",))
            basket = f.fresh("basket")
            w("confusables", "basket member symbol with a %s" % name, "POST", "/api/v1/baskets",
              json.dumps({"id": basket, "name": "C", "currency": "USD", "baseDate": "2025-10-01",
                          "members": [{"symbol": "nvd" + char if lower else "NVD" + char}]}), "refused",
              fields=("symbol",), absent=("/api/v1/baskets/" + basket,))
            edge = f.fresh("edge")
            w("confusables", "edge to an entity id with a %s" % name, "POST", "/api/v1/exposure/edges",
              json.dumps(edge_body(edge, f.entity_b, f.entity_c + char)), "refused", fields=("to",),
              absent=("/api/v1/exposure/edges/" + edge,))
            entity = f.fresh("entity")
            w("confusables", "listed entity ticker with a %s" % name, "PUT", "/api/v1/exposure/entities/" + entity,
              json.dumps(entity_body(kind="LISTED", ticker=("nvd" if lower else "NVD") + char)), "refused",
              fields=("ticker",), absent=("/api/v1/exposure/entities/" + entity,))
            self.c.read("confusables", "latest price of a symbol with a %s" % name,
                        "/api/v1/prices/latest?symbols=" + urllib.parse.quote(("nvd" if lower else "NVD") + char),
                        "refused", fields=("symbols",))

    # --- encoded path segments ---------------------------------------------------------------------------------------

    def paths(self):
        f = self.f
        b = f.basket
        read, w = self.c.read, self.c.write
        for label, path, expect, fields in (
                ("basket id %2e%2e", "/api/v1/baskets/%2e%2e", "refused", ("id", "path")),
                ("basket id %252e%252e (double-encoded)", "/api/v1/baskets/%252e%252e", "refused", ("id",)),
                ("basket id with an encoded slash", "/api/v1/baskets/%s%%2Fperformance" % b, "refused", ()),
                ("basket id with a double-encoded slash", "/api/v1/baskets/%s%%252Fperformance" % b, "refused",
                 ("id",)),
                ("basket id overlong UTF-8 dots", "/api/v1/baskets/%C0%AE%C0%AE", "refused", ("id",)),
                ("basket id invalid UTF-8", "/api/v1/baskets/%FF%FE", "refused", ("id",)),
                ("basket id %00", "/api/v1/baskets/a%00b", "refused", ("id",)),
                ("basket id with a matrix parameter", "/api/v1/baskets/%s;jsessionid=1" % b, "answered", ()),
                ("basket id with an encoded question mark", "/api/v1/baskets/%s%%3Fx=1" % b, "refused", ("id",)),
                ("basket id of one space", "/api/v1/baskets/%20", "refused", ("id",)),
                ("basket id encoded in upper case hex", "/api/v1/baskets/" + "".join("%%%02X" % ord(c) for c in b),
                 "ok", ()),
                ("performance path with a backslash", "/api/v1/baskets/%s%%5C..%%5Cperformance" % b, "refused", ()),
                ("symbol %2e%2e in bars", "/api/v1/prices/%2e%2e/bars", "refused", ("symbol", "path")),
                ("symbol double-encoded in bars", "/api/v1/prices/%254E%2556%2544%2541/bars", "refused",
                 ("symbol",)),
                ("symbol encoded in bars", "/api/v1/prices/%4E%56%44%41/bars?from=2025-10-01&to=2025-10-03", "ok",
                 ()),
                ("symbol with an encoded slash in bars", "/api/v1/prices/NV%2FDA/bars", "refused", ()),
                ("symbol with traversal", "/api/v1/prices/..%2F..%2Fetc%2Fpasswd/bars", "refused", ()),
                ("entity id %2e", "/api/v1/exposure/entities/%2e", "refused", ("id", "path")),
                ("entity id overlong slash", "/api/v1/exposure/entities/%C0%AF", "refused", ("id",)),
                ("edge history of %2e%2e", "/api/v1/exposure/edges/%2e%2e/history", "refused", ("id", "path")),
                ("compare a double-encoded", "/api/v1/compare?a=%252e%252e&b=" + b, "refused", ("a",)),
                ("latest symbols with an encoded comma", "/api/v1/prices/latest?symbols=NVDA%2CMSFT", "answered",
                 ("symbols",)),
                ("latest symbols with an encoded NUL", "/api/v1/prices/latest?symbols=NVDA%00", "refused",
                 ("symbols",)),
                ("double slash before api", "//api/v1/baskets", "answered", ()),
                ("api in upper case", "/API/V1/baskets", "refused", ()),
                ("a trailing slash", "/api/v1/baskets/", "answered", ()),
                ("stream of basket %2e%2e", "/api/v1/stream/baskets/%2e%2e", "refused", ("id", "path")),
                ("stream of basket %252e (double-encoded)", "/api/v1/stream/baskets/%252e", "refused", ())):
            if path.startswith("/api/v1/stream/"):
                label = self.t.case("paths", label)
                answer = self.r.call("GET", path, read_limit=2.0)
                self.t.check(label, answer, expect, fields, request="GET " + path)
            else:
                read("paths", label, path, expect, fields=fields)
        w("paths", "delete basket %2e%2e", "DELETE", "/api/v1/baskets/%2e%2e?version=0", None, "refused",
          fields=("id", "path"))
        w("paths", "put entity %2e%2e", "PUT", "/api/v1/exposure/entities/%2e%2e", json.dumps(entity_body()),
          "refused", fields=("id", "path"))
        w("paths", "put instrument double-encoded", "PUT", "/api/v1/instruments/%254E%2556",
          json.dumps({"name": "P", "currency": "USD", "exchange": "X", "kind": "EQUITY"}), "refused",
          fields=("symbol",))
        w("paths", "put entity with an encoded slash", "PUT", "/api/v1/exposure/entities/a%2Fb",
          json.dumps(entity_body()), "refused")

    # --- method confusion --------------------------------------------------------------------------------------------

    def methods(self):
        f = self.f
        w = self.c.write
        collections = ["/api/v1/baskets", "/api/v1/instruments", "/api/v1/exposure/entities", "/api/v1/exposure/edges",
                       "/api/v1/prices/bars", "/api/v1/prices/ticks", "/api/v1/corporate-actions",
                       "/api/v1/exposure/stress", "/api/v1/compare", "/api/v1/exposure/loops",
                       "/api/v1/prices/latest"]
        for path in collections:
            for method in ("PUT", "PATCH", "DELETE"):
                w("methods", "%s on %s" % (method, path.split("/api/v1/")[1]), method, path,
                  None if method == "DELETE" else "{}", "refused")
        for method, path in (("PATCH", "/api/v1/baskets/" + f.basket), ("POST", "/api/v1/baskets/" + f.basket),
                             ("PATCH", "/api/v1/exposure/entities/" + f.entity_a),
                             ("POST", "/api/v1/exposure/entities/" + f.entity_a),
                             ("POST", "/api/v1/instruments/" + f.symbol),
                             ("DELETE", "/api/v1/instruments/" + f.symbol),
                             ("PATCH", "/api/v1/exposure/edges/" + f.edge),
                             ("PUT", "/api/v1/baskets/%s/performance" % f.basket),
                             ("POST", "/api/v1/prices/%s/bars" % f.symbol), ("TRACE", "/api/v1/baskets"),
                             ("FOO", "/api/v1/baskets"), ("PROPFIND", "/api/v1/exposure/entities")):
            w("methods", "%s on %s" % (method, path.split("/api/v1/")[1].replace(f.tag.lower(), "*")
                                       .replace(f.tag, "*")), method, path,
              None if method in ("DELETE", "TRACE", "FOO", "PROPFIND") else "{}", "refused")
        w("methods", "POST with X-HTTP-Method-Override DELETE", "POST", "/api/v1/baskets/" + f.basket, "{}",
          "refused", headers={"X-HTTP-Method-Override": "DELETE"})
        w("methods", "GET tunnelled as POST with X-HTTP-Method DELETE", "POST", "/api/v1/baskets", "{}", "refused",
          headers={"X-HTTP-Method": "DELETE"})
        for path, expect in (("/api/v1/baskets/" + f.basket, "ok"), ("/api/v1/baskets/trial-nobody", "refused"),
                             ("/api/v1/instruments", "ok"), ("/api/v1/exposure/loops?maxLength=x", "refused"),
                             ("/api/v1/prices/%s/bars" % f.symbol, "ok")):
            label = self.t.case("methods", "HEAD on %s" % path.split("/api/v1/")[1].replace(f.tag, "*"))
            answer = self.r.call("HEAD", path)
            self.t.check(label, answer, expect, request="HEAD " + path)
            if answer.body:
                self.t.fail(label, "HEAD answered with a body of %d bytes" % len(answer.body))
        for path, headers in (("/api/v1/baskets", {}), ("/api/v1/baskets/" + f.basket, {}),
                              ("/api/v1/exposure/stress", {"Origin": "https://evil.example"}),
                              ("/api/v1/baskets", {"Access-Control-Request-Method": "DELETE"}),
                              ("*", {})):
            label = self.t.case("methods", "OPTIONS on %s %s" % (path.split("/api/v1/")[-1][:20], sorted(headers)))
            answer = self.r.call("OPTIONS", path, headers=headers)
            self.t.check(label, answer, "answered", request="OPTIONS " + path)

    # --- headers and query parameters ---------------------------------------------------------------------------------

    def headers(self):
        f = self.f
        b, s = f.basket, f.symbol
        read, w = self.c.read, self.c.write
        for label, path, field in (
                ("performance from twice", "/api/v1/baskets/%s/performance?from=2025-10-01&from=2025-10-02" % b,
                 "from"),
                ("compare a twice", "/api/v1/compare?a=%s&a=%s&b=%s" % (b, b, b), "a"),
                ("loops amounts twice", "/api/v1/exposure/loops?amounts=LOW&amounts=HIGH", "amounts"),
                ("instruments kind twice", "/api/v1/instruments?kind=EQUITY&kind=FX", "kind"),
                ("bars adjusted twice", "/api/v1/prices/%s/bars?adjusted=true&adjusted=false" % s, "adjusted"),
                ("ticks pageSize twice", "/api/v1/prices/%s/ticks?pageSize=1&pageSize=2" % s, "pageSize"),
                ("edges asOf twice", "/api/v1/exposure/edges?asOf=2025-01-01&asOf=2026-01-01", "asOf"),
                ("lookthrough target twice", "/api/v1/exposure/lookthrough?target=%s&target=%s" %
                 (f.entity_a, f.entity_b), "target"),
                ("pageToken twice", "/api/v1/baskets?pageToken=&pageToken=abc", "pageToken"),
                ("From in another case", "/api/v1/baskets/%s/performance?From=2025-10-01" % b, "From"),
                ("pagesize in lower case", "/api/v1/baskets?pagesize=5", "pagesize"),
                ("a parameter with no name", "/api/v1/baskets?=5", ""),
                ("a parameter without =", "/api/v1/exposure/loops?maxLength", "maxLength")):
            read("headers", label, path, "refused", fields=(field,) if field else ())
        # ?symbols= is a list: given twice, both lists are read (QueryParameterRules refuses only single values)
        read("headers", "latest symbols twice", "/api/v1/prices/latest?symbols=%s&symbols=NVDA" % s, "ok")
        for label, path, headers, expect in (
                ("Accept application/xml on a basket", "/api/v1/baskets/" + b, {"Accept": "application/xml"},
                 "answered"),
                ("Accept application/xml on an unknown basket", "/api/v1/baskets/trial-nobody",
                 {"Accept": "application/xml"}, "refused"),
                ("Accept text/csv on performance", "/api/v1/baskets/%s/performance" % b, {"Accept": "text/csv"},
                 "answered"),
                ("Accept text/event-stream on baskets", "/api/v1/baskets", {"Accept": "text/event-stream"},
                 "answered"),
                ("Accept application/json;q=0", "/api/v1/baskets", {"Accept": "application/json;q=0"}, "answered"),
                ("Accept of garbage", "/api/v1/baskets", {"Accept": ";;;/,,"}, "answered"),
                ("Accept application/xml on a bad parameter", "/api/v1/exposure/loops?maxLength=x",
                 {"Accept": "application/xml"}, "refused"),
                ("If-Modified-Since garbage", "/api/v1/baskets/" + b, {"If-Modified-Since": "yesterday-ish"}, "ok"),
                ("If-None-Match garbage", "/api/v1/baskets/" + b, {"If-None-Match": "W/\"\u00ff-not-an-etag"},
                 "answered"),
                ("Range bytes=0-1", "/api/v1/baskets/" + b, {"Range": "bytes=0-1"}, "answered"),
                ("Last-Event-ID on a plain read", "/api/v1/baskets/" + b, {"Last-Event-ID": "x" * 1000}, "ok"),
                ("X-Forwarded-For spoofed", "/api/v1/baskets/" + b, {"X-Forwarded-For": "127.0.0.1, evil"}, "ok"),
                ("Authorization of 30 KB", "/api/v1/baskets/" + b, {"Authorization": "Bearer " + "a" * 30000},
                 "refused"),
                ("200 extra headers", "/api/v1/baskets/" + b, {"X-Junk-%d" % n: "v" for n in range(200)},
                 "answered"),
                ("Accept-Encoding gzip", "/api/v1/baskets/" + b, {"Accept-Encoding": "gzip, deflate, br"}, "ok")):
            label = self.t.case("headers", label)
            answer = self.r.call("GET", path, headers=headers)
            self.t.check(label, answer, expect, request="GET %s %s" % (path, str(headers)[:80]))
        current = self.r.get_json("/api/v1/baskets/" + b) or {}
        for label, headers, expect in (
                ("If-Match garbage", {"If-Match": "garbage"}, "answered"),
                ("If-Match of 5000 characters", {"If-Match": "\"" + "x" * 5000 + "\""}, "answered"),
                ("If-Unmodified-Since 1970", {"If-Unmodified-Since": "Thu, 01 Jan 1970 00:00:00 GMT"}, "answered")):
            w("headers", "basket replace with " + label, "PUT", "/api/v1/baskets/" + b,
              json.dumps(dict(current, version=current.get("version", 0) + 1000)), "refused", headers=headers)
        w("headers", "basket delete with If-Match * of an unknown basket", "DELETE", "/api/v1/baskets/trial-nobody",
          None, "refused", headers={"If-Match": "*"})
        body = json.dumps({"id": f.fresh("basket"), "name": "H", "currency": "USD", "baseDate": "2025-10-01",
                           "members": [{"symbol": "NVDA"}]})
        for label, headers, content_type, expect in (
                ("Content-Encoding gzip on plain JSON", {"Content-Encoding": "gzip"}, "application/json", "refused"),
                ("Content-Encoding of garbage", {"Content-Encoding": "x-evil"}, "application/json", "refused"),
                ("Content-Encoding identity", {"Content-Encoding": "identity"}, "application/json", "ok"),
                ("charset utf-7", {}, "application/json; charset=utf-7", "answered"),
                ("charset of garbage", {}, "application/json; charset=no-such-charset", "answered"),
                ("Content-Type with a boundary", {}, "application/json; boundary=x", "answered")):
            basket = f.fresh("basket")
            w("headers", "basket create with " + label, "POST", "/api/v1/baskets", body.replace(
                json.loads(body)["id"], basket), expect, headers=headers, content_type=content_type,
              absent=("/api/v1/baskets/" + basket,) if expect == "refused" else ())
        for length, expect in ((128, "ok"), (129, "refused")):
            basket = f.fresh("basket")
            w("headers", "Idempotency-Key of %d characters" % length, "POST", "/api/v1/baskets",
              body.replace(json.loads(body)["id"], basket), expect, fields=("Idempotency-Key",),
              headers={"Idempotency-Key": (f.tag + "k" * length)[:length]},
              absent=("/api/v1/baskets/" + basket,) if expect == "refused" else ())
        basket = f.fresh("basket")
        w("headers", "Idempotency-Key with a space", "POST", "/api/v1/baskets",
          body.replace(json.loads(body)["id"], basket), "refused", fields=("Idempotency-Key",),
          headers={"Idempotency-Key": "a key"}, absent=("/api/v1/baskets/" + basket,))

    # --- live streams -------------------------------------------------------------------------------------------------

    def streams(self):
        f = self.f
        deleted = f.fresh("basket")
        self.r.call("POST", "/api/v1/baskets", json.dumps(
            {"id": deleted, "name": "Gone", "currency": "USD", "baseDate": "2025-10-01",
             "members": [{"symbol": "NVDA"}]}))
        self.r.call("DELETE", "/api/v1/baskets/" + deleted)
        for label, method, path, headers, expect, fields in (
                ("a deleted basket", "GET", "/api/v1/stream/baskets/" + deleted, {}, 404, ()),
                ("a deleted basket with a Last-Event-ID", "GET", "/api/v1/stream/baskets/" + deleted,
                 {"Last-Event-ID": "abc-1"}, 404, ()),
                ("an unknown basket", "GET", "/api/v1/stream/baskets/trial-nobody-" + f.tag.lower(), {}, 404, ()),
                ("a basket id of 65 characters", "GET", "/api/v1/stream/baskets/" + "a" * 65, {}, "refused", ()),
                ("a basket id in upper case", "GET", "/api/v1/stream/baskets/" + f.basket.upper(), {}, "refused",
                 ()),
                ("POST to a basket stream", "POST", "/api/v1/stream/baskets/" + f.basket, {}, "refused", ()),
                ("DELETE of a price stream", "DELETE", "/api/v1/stream/prices?symbols=" + f.symbol, {}, "refused",
                 ()),
                ("an unknown symbol", "GET", "/api/v1/stream/prices?symbols=TRZZZ" + f.tag, {}, "refused",
                 ("symbols",)),
                ("a symbol of 33 characters", "GET", "/api/v1/stream/prices?symbols=" + "A" * 33, {}, "refused",
                 ("symbols",)),
                ("a symbol with a dotless i", "GET", "/api/v1/stream/prices?symbols=" +
                 urllib.parse.quote("nvd\u0131"), {}, "refused", ("symbols",)),
                ("symbols given twice", "GET", "/api/v1/stream/prices?symbols=%s&symbols=NVDA" % f.symbol, {},
                 "answered", ()),
                ("no symbols parameter", "GET", "/api/v1/stream/prices", {}, "refused", ("symbols",)),
                ("Last-Event-ID of 19000 characters", "GET", "/api/v1/stream/baskets/" + f.basket,
                 {"Last-Event-ID": "1-" + "9" * 19000}, "answered", ()),
                ("Last-Event-ID of 30000 characters", "GET", "/api/v1/stream/baskets/" + f.basket,
                 {"Last-Event-ID": "1-" + "9" * 30000}, "refused", ()),
                ("lastEventId of 5000 characters and a header", "GET", "/api/v1/stream/baskets/%s?lastEventId=%s" %
                 (f.basket, "7" * 5000), {"Last-Event-ID": "x-1"}, "answered", ()),
                ("Accept application/json on a stream", "GET", "/api/v1/stream/baskets/" + f.basket,
                 {"Accept": "application/json"}, "answered", ())):
            label = self.t.case("streams", label)
            answer = self.r.call(method, path, headers=headers, read_limit=2.0)
            self.t.check(label, answer, expect, fields, request="%s %s" % (method, path[:100]))

    # --- conflicting writes at once -----------------------------------------------------------------------------------

    def conflicts(self):
        f = self.f
        for round_ in (1, 2):
            self.version_race("basket replace, round %d" % round_, *self.basket_replace())
            self.version_race("entity replace, round %d" % round_, *self.entity_replace())
            self.version_race("edge replace, round %d" % round_, *self.edge_replace())
            self.version_race("basket delete, round %d" % round_, *self.basket_delete())
            self.version_race("instrument update, round %d" % round_, *self.instrument_update())
        basket = {"name": "K", "currency": "USD", "baseDate": "2025-10-01", "members": [{"symbol": "NVDA"}]}
        for name, make in (
                ("basket", lambda n, ident: ("POST", "/api/v1/baskets", dict(basket, id=ident, name="K%d" % n))),
                ("entity", lambda n, ident: ("PUT", "/api/v1/exposure/entities/" + ident,
                                             entity_body(name="K%d" % n))),
                ("edge", lambda n, ident: ("POST", "/api/v1/exposure/edges",
                                           edge_body(ident, f.entity_b, f.entity_c, amountUsd=1e6 + n)))):
            ident = f.fresh(name)
            key = "fresh-%s-%s" % (f.tag, ident)
            where = {"basket": "/api/v1/baskets/", "entity": "/api/v1/exposure/entities/",
                     "edge": "/api/v1/exposure/edges/"}[name] + ident

            def send(n, make=make, ident=ident, key=key):
                method, path_, body = make(n, ident)
                return self.r.call(method, path_, json.dumps(body), headers={"Idempotency-Key": key})
            label = self.t.case("conflicts", "%s create: one key, two bodies at once" % name)
            answers = race_indexed(send, 2)
            for answer in answers:
                self.t.check(label, answer, "answered")
            wins = [a for a in answers if a.status < 300]
            stored = self.r.get_json(where) or {}
            if len(wins) != 1 or sum(1 for a in answers if a.status == 409) != 1:
                self.t.fail(label, "statuses %s" % sorted(a.status for a in answers))
            elif (wins[0].json() or {}).get("version") != stored.get("version"):
                self.t.fail(label, "stored %s, the winner answered %s" % (stored, wins[0].text()[:200]))
            label = self.t.case("conflicts", "%s create: the key again with a third body" % name)
            answer = send(7)
            self.t.check(label, answer, 409, request="key reused")
            if (self.r.get_json(where) or {}) != stored:
                self.t.fail(label, "the stored %s changed" % name)
            label = self.t.case("conflicts", "%s create: the key again for another id" % name)
            other = f.fresh(name)
            method, path_, body = make(0, other)
            answer = self.r.call(method, path_, json.dumps(body), headers={"Idempotency-Key": key})
            self.t.check(label, answer, 409, request="key reused for another id")
            other_path = where.rsplit("/", 1)[0] + "/" + other
            if self.r.call("GET", other_path).status != 404:
                self.t.fail(label, "%s exists" % other_path)

    def version_race(self, name, send, read_version, before):
        label = self.t.case("conflicts", "%s: the same version twice at once" % name)
        answers = race_indexed(send, 2)
        for answer in answers:
            self.t.check(label, answer, "answered")
        statuses = sorted(a.status for a in answers)
        wins = [s for s in statuses if s < 300]
        after = read_version()
        if len(wins) != 1 or any(s not in (409, 404) for s in statuses if s >= 300):
            self.t.fail(label, "statuses %s (one success and one 409 expected)" % statuses)
        elif after is not None and before is not None and after != before + 1:
            self.t.fail(label, "version %s -> %s after one success" % (before, after))

    def basket_replace(self):
        basket = self.f.fresh("basket")
        created = self.r.call("POST", "/api/v1/baskets", json.dumps(
            {"id": basket, "name": "V", "currency": "USD", "baseDate": "2025-10-01", "members": [{"symbol": "NVDA"}]}))
        body = created.json() or {}
        return (lambda n: self.r.call("PUT", "/api/v1/baskets/" + basket, json.dumps(dict(body, name="V%d" % n))),
                lambda: (self.r.get_json("/api/v1/baskets/" + basket) or {}).get("version"), body.get("version"))

    def entity_replace(self):
        entity = self.f.fresh("entity")
        created = self.r.call("PUT", "/api/v1/exposure/entities/" + entity, json.dumps(entity_body()))
        version = (created.json() or {}).get("version")
        return (lambda n: self.r.call("PUT", "/api/v1/exposure/entities/" + entity,
                                      json.dumps(entity_body(name="V%d" % n, version=version))),
                lambda: (self.r.get_json("/api/v1/exposure/entities/" + entity) or {}).get("version"), version)

    def edge_replace(self):
        f = self.f
        edge = f.fresh("edge")
        created = self.r.call("POST", "/api/v1/exposure/edges", json.dumps(edge_body(edge, f.entity_b, f.entity_c)))
        version = (created.json() or {}).get("version")
        return (lambda n: self.r.call("PUT", "/api/v1/exposure/edges/" + edge, json.dumps(
                    edge_body(edge, f.entity_b, f.entity_c, amountUsd=2e6 + n, version=version))),
                lambda: (self.r.get_json("/api/v1/exposure/edges/" + edge) or {}).get("version"), version)

    def basket_delete(self):
        basket = self.f.fresh("basket")
        created = self.r.call("POST", "/api/v1/baskets", json.dumps(
            {"id": basket, "name": "D", "currency": "USD", "baseDate": "2025-10-01", "members": [{"symbol": "NVDA"}]}))
        version = (created.json() or {}).get("version", 0)
        return (lambda n: self.r.call("DELETE", "/api/v1/baskets/%s?version=%d" % (basket, version)),
                lambda: None, None)

    def instrument_update(self):
        symbol = self.f.fresh("symbol")
        created = self.r.call("PUT", "/api/v1/instruments/" + symbol, json.dumps(
            {"name": "I", "currency": "USD", "exchange": "X", "kind": "EQUITY"}))
        version = (created.json() or {}).get("version", 0)

        def read():
            listed = self.r.get_json("/api/v1/instruments?pageSize=1000") or []
            return next((i.get("version") for i in listed if i.get("symbol") == symbol), None)
        return (lambda n: self.r.call("PUT", "/api/v1/instruments/%s?version=%d" % (symbol, version), json.dumps(
                    {"name": "I%d" % n, "currency": "USD", "exchange": "X", "kind": "EQUITY"})),
                read, version)


# ----------------------------------------------------------------------------------------------------------------------
# gRPC


def varint(value):
    value &= (1 << 64) - 1
    out = bytearray()
    while True:
        byte = value & 0x7F
        value >>= 7
        if value:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return bytes(out)


def field(number, value):
    """One protobuf field: an int as a varint, bytes/str length-delimited."""
    if isinstance(value, int):
        return varint(number << 3) + varint(value)
    data = value.encode("utf-8") if isinstance(value, str) else value
    return varint(number << 3 | 2) + varint(len(data)) + data


def double(number, value):
    return varint(number << 3 | 1) + struct.pack("<d", value)


def timestamp(seconds, nanos=0):
    return field(1, seconds) + field(2, nanos)


class FreshGrpcCases:
    def __init__(self, grpc_cases):
        self.c = grpc_cases
        self.g, self.f, self.t = grpc_cases.g, grpc_cases.f, grpc_cases.t

    def run(self, service, name, fields, expect="answered", named=(), label=None, **kwargs):
        return self.c.run(service, name, fields, expect, named=named, label=label, category="grpc-extreme", **kwargs)

    def all(self):
        f = self.f
        i, b, e = "ingest", "basket", "exposure"
        paged = [(i, "ListInstruments", {}), (i, "ListBarRevisions", {"symbol": f.symbol}),
                 (i, "ListCorporateActions", {"symbol": f.symbol}), (b, "ListBaskets", {}),
                 (e, "ListEntities", {}), (e, "ListEdges", {}), (e, "ListEntityHistory", {"entityId": f.entity_a}),
                 (e, "ListEdgeHistory", {"edgeId": f.edge}), (i, "GetTicks", {"symbol": f.symbol}),
                 (i, "GetMinuteBars", {"symbol": f.symbol})]
        for service, name, base in paged:
            for size, expect in ((-1, "refused"), (-2147483648, "refused"), (2147483647, "answered")):
                self.run(service, name, dict(base, pageSize=size), expect, named=("page_size",),
                         label="%s.%s pageSize %d" % (service, name, size))
            self.run(service, name, dict(base, pageToken="A" * 10000), "refused", named=("page_token",),
                     label="%s.%s pageToken of 10000 characters" % (service, name))
            self.run(service, name, dict(base, pageToken=base64.urlsafe_b64encode(b'{"after":"\x00"}').decode()),
                     "refused", named=("page_token",), label="%s.%s pageToken forged" % (service, name))
        ten_mb = "a" * 10_000_000
        for service, name, request in (
                (b, "GetBasket", {"basketId": ten_mb}), (e, "GetEntity", {"entityId": ten_mb}),
                (e, "GetEdge", {"edgeId": ten_mb}), (i, "GetBars", {"symbol": ten_mb}),
                (b, "CreateBasket", {"basket": {"id": f.fresh("basket"), "name": ten_mb, "currency": "USD",
                                                "baseDate": "2025-10-01", "members": [{"symbol": "NVDA"}]}}),
                (e, "CreateEntity", {"entity": {"id": f.fresh("entity"), "name": ten_mb, "kind": 2}}),
                (b, "GetPerformance", {"basketId": f.basket, "benchmark": ten_mb}),
                (e, "Stress", {"model": 2, "shocks": [{"entity": ten_mb, "valueChange": -0.5}]}),
                (e, "LookThrough", {"target": ten_mb}), (i, "GetLatestPrices", {"symbols": [ten_mb]})):
            self.run(service, name, request, "refused", label="%s.%s with a 10 MB string" % (service, name))
        max64, min64 = 2 ** 63 - 1, -2 ** 63
        basket = {"id": f.basket, "name": "G", "currency": "USD", "baseDate": "2025-10-01", "weighting": 1,
                  "rebalance": 1, "members": [{"symbol": "NVDA"}]}
        edge = {"id": f.edge, "from": f.entity_a, "to": f.entity_b, "kind": 2, "amountUsd": 1e6,
                "asOf": "2025-06-30", "source": "trial", "confidence": 3}
        instrument = {"symbol": f.symbol2, "name": "Trial " + f.symbol2, "currency": "USD", "exchange": "TEST",
                      "kind": 1, "sharesOutstanding": "1000000"}
        for version, expect in ((max64, "ABORTED"), (min64, "refused")):
            for service, name, request in (
                    (b, "UpdateBasket", {"basket": basket, "expectedVersion": str(version)}),
                    (e, "UpdateEdge", {"edge": edge, "expectedVersion": str(version)}),
                    (i, "UpsertInstrument", {"instrument": instrument, "expectedVersion": str(version)}),
                    (b, "DeleteBasket", {"basketId": f.basket, "expectedVersion": str(version)}),
                    (e, "DeleteEntity", {"entityId": f.entity_c, "expectedVersion": str(version)}),
                    (e, "DeleteEdge", {"edgeId": f.edge, "expectedVersion": str(version)})):
                self.run(service, name, request, expect, named=("expected_version",),
                         label="%s.%s expectedVersion %d" % (service, name, version))
        for service, name, request in ((b, "DeleteBasket", {"basketId": f.basket, "version": "-1"}),
                                       (e, "DeleteEntity", {"entityId": f.entity_c, "version": "-1"}),
                                       (e, "DeleteEdge", {"edgeId": f.edge, "version": "-1"})):
            self.run(service, name, request, "refused", named=("version",),
                     label="%s.%s version -1" % (service, name))
        for service, name, request, field_name in (
                (i, "GetBarsBatch", {"symbols": [f.symbol], "adjustment": 99}, "adjustment"),
                (i, "StreamBars", {"symbols": [f.symbol], "adjustment": -1}, "adjustment"),
                (i, "ImportCsv", {"symbol": f.symbol, "content": "", "layout": 1, "mode": 99}, "mode"),
                (i, "ListInstruments", {"kind": -1}, "kind"),
                (e, "ListLoops", {"amounts": 99}, "amounts"), (e, "LookThrough", {"target": f.entity_a,
                                                                                   "amounts": -5}, "amounts"),
                (e, "Stress", {"model": 2, "amounts": 99, "shocks": [{"entity": f.entity_a, "valueChange": -0.5}]},
                 "amounts"),
                (e, "Stress", {"model": 2, "options": {"debtrankRule": 7},
                               "shocks": [{"entity": f.entity_a, "valueChange": -0.5}]}, "debtrank_rule"),
                (e, "CreateEdge", {"edge": dict(edge, id=f.fresh("edge"), kind=3, amountUsd=None, capacityGw=1,
                                                capacityKind=-3)}, "capacity_kind"),
                (e, "UpdateEntity", {"entity": {"id": f.entity_c, "name": "G", "kind": 99}, "expectedVersion": "0"},
                 "kind"),
                (b, "GetPerformance", {"basketId": f.basket, "returnType": -1}, "return_type"),
                (b, "Compare", {"basketIdA": f.basket, "basketIdB": f.basket, "returnType": 9}, "return_type"),
                (i, "DeleteCorporateAction", {"symbol": f.symbol, "exDate": "2025-10-20", "kind": -2}, "kind")):
            request = {k: v for k, v in request.items() if v is not None}
            if "edge" in request:
                request["edge"] = {k: v for k, v in request["edge"].items() if v is not None}
            self.run(service, name, request, "refused", named=(field_name,),
                     label="%s.%s %s %s" % (service, name, field_name, json.dumps(request)[-30:]),
                     **({"stream_items": 1} if name == "StreamBars" else {}))
        # timestamps outside google.protobuf.Timestamp's range, and negative or overflowing nanos
        for label, name, payload, named in (
                ("GetTicks from seconds max int64", "GetTicks", field(1, f.symbol) + field(2, timestamp(2 ** 63 - 1)),
                 "from"),
                ("GetTicks to nanos -1", "GetTicks", field(1, f.symbol) + field(3, timestamp(1761000000, -1)), "to"),
                ("GetMinuteBars from nanos 2e9", "GetMinuteBars",
                 field(1, f.symbol) + field(2, timestamp(1761000000, 2_000_000_000)), "from")):
            self.run(i, name, {}, "refused", named=(named,), raw=payload, label="ingest." + label)
        for label, name, payload, named in (
                ("GetEntity knownAt before year 1", "GetEntity",
                 field(1, f.entity_a) + field(3, timestamp(-62135596801)), "known_at"),
                ("ListEdges knownAt seconds min int64", "ListEdges", field(3, timestamp(-2 ** 63)), "known_at"),
                ("ListLoops knownAt nanos -5", "ListLoops", field(5, timestamp(0, -5)), "known_at"),
                ("Stress knownAt year 10000", "Stress", field(1, 2) + field(2, field(1, f.entity_a) + double(2, -0.5)) +
                 field(5, timestamp(253402300800)), "known_at")):
            self.run(e, name, {}, "refused", named=(named,), raw=payload, label="exposure." + label)
        tick = field(1, f.symbol) + field(2, timestamp(1761000000, -7)) + double(3, 10) + field(6, "nanos")
        self.run(i, "IngestTicks", {}, "answered", raw=[field(1, 0) + field(2, tick)],
                 label="ingest.IngestTicks tick ts nanos -7")
        # credentials in metadata
        admin = self.g.tokens["admin"]
        for label, token in (("an empty bearer", ""), ("10 KB of junk", "x" * 10000),
                             ("a viewer token raised to admin", resign(self.g.tokens["viewer"],
                                                                       payload_change={"groups": ["admin"]})),
                             ("an unsigned copy of the admin token", admin.rsplit(".", 1)[0] + ".")):
            for service, name, request in ((b, "ListBaskets", {}), (i, "ListInstruments", {}),
                                           (e, "ListEntities", {})):
                self.run(service, name, request, "UNAUTHENTICATED", token=token,
                         label="%s.%s with %s" % (service, name, label))
        for service, name in ((b, "ListBaskets"), (i, "ListInstruments"), (e, "ListEntities")):
            label = self.t.case("grpc-extreme", "%s.%s with a Basic authorization" % (service, name))
            self.g.check(label, self.call_with_metadata(service, name, [("authorization", "Basic YWRtaW46YWRtaW4=")]),
                         "UNAUTHENTICATED")
            label = self.t.case("grpc-extreme", "%s.%s with two authorization entries" % (service, name))
            self.g.check(label, self.call_with_metadata(service, name, [
                ("authorization", "Bearer " + self.g.tokens["viewer"]), ("authorization", "Bearer " + admin)]),
                "answered")
        # 1 ms deadlines on heavy calls
        self.run(e, "Stress", {"model": 3, "asOf": "2100-01-01", "shocks": [{"entity": f.entity_a,
                                                                            "valueChange": -0.9}]},
                 "answered", timeout=0.001, label="exposure.Stress CLEARING with a 1 ms deadline")
        self.run(i, "GetBarsBatch", {"symbols": ["NVDA", "MSFT", "GOOGL", f.symbol], "from": "1900-01-01",
                                     "to": "2100-12-31"}, "answered", timeout=0.001,
                 label="ingest.GetBarsBatch with a 1 ms deadline")
        self.run(b, "Compare", {"basketIdA": f.basket, "basketIdB": f.basket}, "answered", timeout=0.001,
                 label="basket.Compare with a 1 ms deadline")
        # a request id reused with another body, and one past its length
        request_id = "fresh-%s-rid" % f.tag
        first = dict(basket, id=f.fresh("basket"))
        self.run(b, "CreateBasket", {"basket": first, "requestId": request_id}, "OK",
                 label="basket.CreateBasket with a request id")
        self.run(b, "CreateBasket", {"basket": dict(first, name="Other"), "requestId": request_id}, "refused",
                 label="basket.CreateBasket the request id again with another body")
        self.run(b, "CreateBasket", {"basket": dict(basket, id=f.fresh("basket")), "requestId": "r" * 129},
                 "refused", named=("request_id",), label="basket.CreateBasket request id of 129 characters")
        self.run(e, "CreateEntity", {"entity": {"id": f.fresh("entity"), "name": "R", "kind": 2},
                                     "requestId": "r\u00e9q"}, "refused", named=("request_id",),
                 label="exposure.CreateEntity non-ASCII request id")

    def call_with_metadata(self, service, name, metadata):
        path = "/%s/%s" % (self.g.services[service], name)
        call = self.g.channels[service].unary_unary(path, request_serializer=lambda b: b,
                                                    response_deserializer=lambda b: b)
        started = time.monotonic()
        try:
            out = call(b"", metadata=metadata, timeout=10.0)
            return "OK", "", [out], time.monotonic() - started
        except self.g.grpc.RpcError as error:
            return error.code().name, error.details() or "", [], time.monotonic() - started

