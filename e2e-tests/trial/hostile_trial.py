#!/usr/bin/env python3
"""A hostile trial of a running capflow platform, over the gateway's REST API and the services' gRPC APIs.

Run it against `./capflow up` (see e2e-tests/README.md, "The hostile trial"). Every case asserts:
no 5xx (REST) and no INTERNAL/UNKNOWN (gRPC); every REST error is application/problem+json naming the field (or the CSV
row); a refused write leaves the resources it could change as they were (read back before and after); no NaN or
Infinity anywhere in an answer (as a number or as a string); every answer within 5 s. It prints a tally and every
failure with its label, and exits 1 on any failure.

Python 3 standard library, plus Debian's python3-grpcio and python3-protobuf for the gRPC cases (requests are built
from the contracts' descriptor set, proto/target/classes/capflow/capflow-api.binpb, written by the build).
"""

import argparse
import base64
import hashlib
import hmac
import http.client
import json
import os
import random
import re
import string
import struct
import subprocess
import sys
import tempfile
import threading
import time
import unicodedata
import urllib.parse

SLOW_SECONDS = 5.0
RATE_LIMIT_ATTEMPTS = 30
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
NON_FINITE_WORDS = {"nan", "+nan", "-nan", "infinity", "+infinity", "-infinity", "inf", "+inf", "-inf"}


# ---------------------------------------------------------------------------------------------------------------------
# answers and checks


class Answer:
    def __init__(self, status, headers, body, seconds):
        self.status = status
        self.headers = {k.lower(): v for k, v in headers}
        self.body = body
        self.seconds = seconds

    def text(self):
        return self.body.decode("utf-8", "replace")

    def json(self):
        try:
            return json.loads(self.body.decode("utf-8"), parse_constant=lambda c: {"__nonfinite__": c})
        except (ValueError, UnicodeDecodeError):
            return None

    def content_type(self):
        return self.headers.get("content-type", "").split(";")[0].strip().lower()


def non_finite_in(value, path="$"):
    """Paths in a parsed JSON value holding a non-finite number or a string saying NaN/Infinity."""
    found = []
    if isinstance(value, dict):
        if set(value) == {"__nonfinite__"}:
            return [path]
        for key, item in value.items():
            found += non_finite_in(item, path + "." + str(key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += non_finite_in(item, "%s[%d]" % (path, index))
    elif isinstance(value, float) and (value != value or value in (float("inf"), float("-inf"))):
        found.append(path)
    elif isinstance(value, str) and value.strip().lower() in NON_FINITE_WORDS:
        found.append(path)
    return found


def named_fields(problem):
    """The field names and CSV rows an error body names."""
    names, rows = set(), set()
    if not isinstance(problem, dict):
        return names, rows
    entries = []
    for key in ("violations", "rejected"):
        if isinstance(problem.get(key), list):
            entries += [entry for entry in problem[key] if isinstance(entry, dict)]
    report = problem.get("report")
    if isinstance(report, dict) and isinstance(report.get("rejected"), list):
        entries += [entry for entry in report["rejected"] if isinstance(entry, dict)]
    for entry in entries:
        field = entry.get("field")
        if isinstance(field, str):
            names.add(field)
            for segment in re.split(r"[.]", field):
                names.add(re.sub(r"\[\d+\]$", "", segment))
                names.add(segment)
        if isinstance(entry.get("row"), int):
            rows.add(entry["row"])
    return names, rows


class Trial:
    def __init__(self, args):
        self.args = args
        self.cases = 0
        self.failures = []
        self.by_category = {}
        self.current = None

    def case(self, category, label):
        self.cases += 1
        self.current = "%s / %s" % (category, label)
        self.by_category.setdefault(category, [0, 0])[0] += 1
        return self.current

    def fail(self, label, what):
        category = label.split(" / ")[0]
        if not any(f[0] == label for f in self.failures):
            self.by_category.setdefault(category, [0, 0])[1] += 1
        self.failures.append((label, what))
        print("FAILED %s: %s" % (label, what), flush=True)

    def check(self, label, answer, expect, fields=(), rows=(), request=""):
        """Checks one REST answer. expect: 'refused' (4xx), 'ok' (2xx), 'answered' (anything but 5xx) or a status."""
        problems = []
        if answer is None:
            self.fail(label, "no answer (connection failed or timed out) to " + request)
            return False
        if answer.seconds > SLOW_SECONDS:
            problems.append("answered in %.1f s" % answer.seconds)
        if answer.status >= 500:
            problems.append("status %d: %s" % (answer.status, answer.text()[:300]))
        elif expect == "refused" and answer.status < 400:
            problems.append("accepted with status %d: %s" % (answer.status, answer.text()[:200]))
        elif expect == "ok" and answer.status >= 300:
            problems.append("refused with %d: %s" % (answer.status, answer.text()[:300]))
        elif isinstance(expect, int) and answer.status != expect:
            problems.append("status %d, expected %d: %s" % (answer.status, expect, answer.text()[:300]))
        parsed = answer.json() if answer.body else None
        if answer.body and answer.content_type().endswith("json"):
            if parsed is None:
                problems.append("body is not JSON: " + answer.text()[:200])
            else:
                bad = non_finite_in(parsed)
                if bad:
                    problems.append("non-finite value at " + ", ".join(bad[:5]))
        elif answer.body and re.search(r"(?i)(?<![a-z])(nan|-?infinity)(?![a-z])", answer.text()) and \
                answer.content_type() == "text/event-stream":
            problems.append("NaN/Infinity in the event stream")
        if 400 <= answer.status < 500:
            if answer.content_type() != "application/problem+json":
                problems.append("error %d is %r, not problem+json: %s" %
                                (answer.status, answer.content_type(), answer.text()[:150]))
            elif fields or rows:
                names, named_rows = named_fields(parsed)
                if fields and not any(f in names for f in fields):
                    problems.append("does not name %s (%d %s)" %
                                    ("/".join(fields), answer.status, summary(parsed)))
                if rows and not all(r in named_rows for r in rows):
                    problems.append("does not name row %s (%s)" % (sorted(rows), summary(parsed)))
        for problem in problems:
            self.fail(label, problem + ("" if not request else "  [request: %s]" % request[:200]))
        return not problems


def summary(problem):
    if not isinstance(problem, dict):
        return str(problem)[:200]
    parts = [str(problem.get("detail", problem.get("title", "")))[:160]]
    for key in ("violations", "rejected"):
        if problem.get(key):
            parts.append(key + "=" + json.dumps(problem[key])[:200])
    return "; ".join(parts)


# ---------------------------------------------------------------------------------------------------------------------
# REST client


class Rest:
    def __init__(self, base, tokens):
        parsed = urllib.parse.urlsplit(base)
        self.host, self.port = parsed.hostname, parsed.port or 80
        self.tokens = tokens
        self.rate_limited = 0

    def call(self, method, path, body=None, headers=None, token="admin", content_type="application/json",
             timeout=15.0, read_limit=None):
        """One request; a 429 (the caller's rate-limit bucket, not the input's fault) is sent again after its
        Retry-After, so the case judges the answer to its input. The answer's time is that of the last attempt."""
        for _ in range(RATE_LIMIT_ATTEMPTS):
            answer = self.send(method, path, body, headers, token, content_type, timeout, read_limit)
            if answer.status != 429:
                return answer
            self.rate_limited += 1
            time.sleep(min(5.0, float(answer.headers.get("retry-after", "1") or 1)))
        return answer

    def send(self, method, path, body, headers, token, content_type, timeout, read_limit):
        headers = dict(headers or {})
        if token is not None:
            headers.setdefault("Authorization", "Bearer " + self.tokens.get(token, token))
        if body is not None and content_type is not None:
            headers.setdefault("Content-Type", content_type)
        if isinstance(body, str):
            body = body.encode("utf-8")
        connection = http.client.HTTPConnection(self.host, self.port, timeout=timeout)
        started = time.monotonic()
        try:
            connection.putrequest(method, path, skip_accept_encoding=True)
            for name, value in headers.items():
                connection.putheader(name, value)
            if body is not None:
                connection.putheader("Content-Length", str(len(body)))
            connection.endheaders(body)
            response = connection.getresponse()
            if read_limit is not None:
                data = read_stream(response, read_limit)
            else:
                data = response.read()
            return Answer(response.status, response.getheaders(), data, time.monotonic() - started)
        except (OSError, http.client.HTTPException) as error:
            return Answer(599, [("content-type", "text/plain")], ("client error: %r" % error).encode(),
                          time.monotonic() - started)
        finally:
            connection.close()

    def get_json(self, path, token="admin"):
        answer = self.call("GET", path, token=token)
        return answer.json() if answer.status == 200 else None


def read_stream(response, seconds):
    """Reads an SSE answer for at most `seconds` (or until it ends)."""
    if response.status != 200:
        return response.read()
    response.fp.raw._sock.settimeout(seconds)
    chunks, deadline = [], time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            chunk = response.fp.read1(65536)
        except (OSError, ValueError):
            break
        if not chunk:
            break
        chunks.append(chunk)
        if b"\n\n" in b"".join(chunks) and len(chunks) > 1:
            break
    return b"".join(chunks)


# ---------------------------------------------------------------------------------------------------------------------
# tokens


def b64url(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def b64url_decode(text):
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def capflow_token(role, *extra):
    output = subprocess.run([os.path.join(ROOT, "capflow"), "token", role, *extra], cwd=ROOT,
                            env=dict(os.environ, CAPFLOW_NO_BUILD="1"), capture_output=True, text=True, check=True)
    return output.stdout.strip().splitlines()[-1]


def resign(token, payload_change=None, header_change=None, signature=None):
    head, payload, sig = token.split(".")
    header = json.loads(b64url_decode(head))
    claims = json.loads(b64url_decode(payload))
    if header_change:
        header.update(header_change)
    if payload_change:
        claims.update(payload_change)
    head = b64url(json.dumps(header).encode())
    payload = b64url(json.dumps(claims).encode())
    return "%s.%s.%s" % (head, payload, sig if signature is None else signature)


def openssl_signed(token, claims_change):
    """The token's claims changed and signed RS256 by a key of our own (the wrong key)."""
    unsigned = resign(token, claims_change).rsplit(".", 1)[0]
    with tempfile.TemporaryDirectory() as directory:
        key = os.path.join(directory, "k.pem")
        subprocess.run(["openssl", "genrsa", "-out", key, "2048"], capture_output=True, check=True)
        signed = subprocess.run(["openssl", "dgst", "-sha256", "-sign", key], input=unsigned.encode(),
                                capture_output=True, check=True).stdout
    return unsigned + "." + b64url(signed)


def hs256_with_public_key(token):
    """Algorithm confusion: HS256 keyed with the platform's public key."""
    keys = os.path.join(ROOT, ".capflow", "keys")
    public = next((os.path.join(keys, name) for name in sorted(os.listdir(keys))
                   if "public" in name or name.endswith(".pub")), None) if os.path.isdir(keys) else None
    secret = open(public, "rb").read() if public else b"capflow"
    unsigned = resign(token, header_change={"alg": "HS256"}).rsplit(".", 1)[0]
    return unsigned + "." + b64url(hmac.new(secret, unsigned.encode(), hashlib.sha256).digest())


# ---------------------------------------------------------------------------------------------------------------------
# the platform's fixture


class Fixture:
    def __init__(self, rest):
        self.rest = rest
        tag = "".join(random.choice(string.ascii_uppercase) for _ in range(4))
        self.tag = tag
        self.symbol = "TRL" + tag
        self.symbol2 = "TRM" + tag
        self.basket = "trial-" + tag.lower()
        self.entity_a = "trial-%s-a" % tag.lower()
        self.entity_b = "trial-%s-b" % tag.lower()
        self.entity_c = "trial-%s-c" % tag.lower()
        self.edge = "trial-%s-ab" % tag.lower()
        self.counter = 0

    def fresh(self, kind):
        self.counter += 1
        if kind == "symbol":
            return "TRN%s%d" % (self.tag, self.counter)
        return "trial-%s-new-%s-%d" % (self.tag.lower(), kind, self.counter)

    def store(self):
        r = Retrying(self.rest)
        for symbol in (self.symbol, self.symbol2):
            must(r.call("PUT", "/api/v1/instruments/" + symbol, json.dumps(
                {"name": "Trial " + symbol, "currency": "USD", "exchange": "TEST", "kind": "EQUITY",
                 "sharesOutstanding": 1000000})), "instrument")
        bars = [bar(self.symbol, "2025-10-%02d" % day, 10 + day / 10) for day in range(1, 31)
                if day not in (4, 5, 11, 12, 18, 19, 25, 26)]
        bars += [bar(self.symbol2, "2025-10-%02d" % day, 20 + day / 10) for day in range(1, 31)]
        must(r.call("POST", "/api/v1/prices/bars", json.dumps(bars)), "bars")
        must(r.call("POST", "/api/v1/baskets", json.dumps(
            {"id": self.basket, "name": "Trial basket", "currency": "USD", "baseDate": "2025-10-01",
             "weighting": "EQUAL", "members": [{"symbol": self.symbol}, {"symbol": self.symbol2}]})), "basket")
        for entity in (self.entity_a, self.entity_b, self.entity_c):
            must(r.call("PUT", "/api/v1/exposure/entities/" + entity, json.dumps(entity_body())), "entity")
        must(r.call("POST", "/api/v1/exposure/edges", json.dumps(edge_body(self.edge, self.entity_a,
                                                                           self.entity_b))), "edge")

    def state_routes(self, path):
        prices = "/api/v1/prices/" + self.symbol
        table = [
            ("/api/v1/prices", [prices + "/bars?from=1900-01-01&to=2100-12-31", prices + "/bars/revisions",
                                prices + "/ticks?from=1900-01-01T00:00:00Z&to=2100-12-31T23:59:59Z",
                                prices + "/corporate-actions", "/api/v1/prices/latest?symbols=" + self.symbol,
                                "/api/v1/instruments?pageSize=1000"]),
            ("/api/v1/corporate-actions", [prices + "/corporate-actions",
                                           prices + "/bars?from=1900-01-01&adjusted=true"]),
            ("/api/v1/instruments", ["/api/v1/instruments?pageSize=1000"]),
            ("/api/v1/baskets", ["/api/v1/baskets?pageSize=1000"]),
            ("/api/v1/exposure/stress", []),
            ("/api/v1/exposure", ["/api/v1/exposure/entities?pageSize=1000&asOf=2100-01-01",
                                  "/api/v1/exposure/edges?pageSize=1000&asOf=2100-01-01",
                                  "/api/v1/exposure/entities/%s/history" % self.entity_a,
                                  "/api/v1/exposure/edges/%s/history" % self.edge]),
        ]
        for prefix, routes in table:
            if path.startswith(prefix):
                return routes
        return []

    def snapshot(self, routes):
        return {route: self.rest.call("GET", route).body for route in routes}


class Retrying:
    """Fixture writes retried on a 5xx (a loaded machine), a 409 after a retry meaning the first try was stored."""

    def __init__(self, rest):
        self.rest = rest

    def call(self, *args, **kwargs):
        for attempt in range(4):
            answer = self.rest.call(*args, **kwargs)
            if answer.status < 500:
                if answer.status == 409 and attempt > 0:
                    answer.status = 200
                return answer
            time.sleep(2)
        return answer


def must(answer, what):
    if answer.status >= 300:
        raise SystemExit("could not store the trial fixture (%s): %d %s" % (what, answer.status, answer.text()[:300]))


def bar(symbol, date, close, volume=1000):
    return {"symbol": symbol, "date": date, "open": close, "high": close + 1, "low": close - 1, "close": close,
            "volume": volume}


def entity_body(**change):
    body = {"name": "Trial entity", "kind": "PRIVATE", "valuationUsd": 1e9, "valuationAsOf": "2025-06-30",
            "valuationSource": "trial", "revenueUsd": 1e8, "revenueAsOf": "2025-06-30", "revenueSource": "trial",
            "cashUsd": 1e7, "cashAsOf": "2025-06-30", "cashSource": "trial"}
    body.update(change)
    return body


def edge_body(edge_id, source, target, **change):
    body = {"id": edge_id, "from": source, "to": target, "kind": "INVESTMENT", "amountUsd": 1e6,
            "asOf": "2025-06-30", "source": "trial", "confidence": "HIGH"}
    body.update(change)
    return body


# ---------------------------------------------------------------------------------------------------------------------
# REST cases


class RestCases:
    def __init__(self, trial, rest, fixture):
        self.t, self.r, self.f = trial, rest, fixture

    def write(self, category, label, method, path, body, expect="refused", fields=(), rows=(), token="admin",
              headers=None, content_type="application/json", absent=(), state=True):
        """A write case: state read before and after; a refused write must leave it byte for byte."""
        label = self.t.case(category, label)
        routes = self.f.state_routes(path.split("?")[0]) if state else []
        before = self.f.snapshot(routes)
        answer = self.r.call(method, path, body, headers=headers, token=token, content_type=content_type)
        request = "%s %s %s" % (method, path, body[:120] if isinstance(body, str) else repr(body)[:120])
        self.t.check(label, answer, expect, fields, rows, request)
        if answer.status >= 400 and routes:
            after = self.f.snapshot(routes)
            for route in routes:
                if before[route] != after[route]:
                    self.t.fail(label, "refused (%d) but %s changed" % (answer.status, route))
        for gone in absent:
            # a malformed id can exist nowhere: its read is 400 naming id instead of 404
            check = self.r.call("GET", gone)
            if check.status != 404 and not (check.status == 400 and "id" in named_fields(check.json())[0]):
                self.t.fail(label, "%s exists after the case (%d)" % (gone, check.status))
        return answer

    def read(self, category, label, path, expect="answered", fields=(), token="admin", headers=None):
        label = self.t.case(category, label)
        answer = self.r.call("GET", path, headers=headers, token=token)
        self.t.check(label, answer, expect, fields, request="GET " + path)
        return answer

    # --- boundary numbers and exponent forms --------------------------------------------------------------------

    def numbers(self):
        f = self.f
        hostile = [("-0", "refused"), ("1e400", "refused"), ("-1e400", "refused"), ("1e-400", "refused"),
                   ("9007199254740993", "refused"), ("1E+2", "ok"), ("\"1e2\"", "refused"), ("0.0e0", "refused")]
        for value, expect in hostile:
            for field in ("open", "close"):
                body = "[" + json.dumps(bar(f.symbol, "2025-11-03", 10)).replace(
                    '"%s": 10' % field, '"%s": %s' % (field, value), 1) + "]"
                if expect == "ok":
                    body = body.replace('"high": 11', '"high": 111')
                self.write("numbers", "bar %s %s" % (field, value), "POST", "/api/v1/prices/bars", body,
                           "answered" if expect == "ok" else expect, fields=(field,))
            tick = {"symbol": f.symbol, "ts": "2025-10-30T15:00:00Z", "price": 10, "size": 1,
                    "source": "trial", "tradeId": "n-" + value}
            body = "[" + json.dumps(tick).replace('"price": 10', '"price": ' + value) + "]"
            self.write("numbers", "tick price %s" % value, "POST", "/api/v1/prices/ticks", body,
                       "answered" if expect == "ok" else expect, fields=("price",))
        for value in ("1e400", "-0", "9223372036854775808", "1e3", "-1", "1.5e0"):
            body = "[" + json.dumps(bar(f.symbol, "2025-11-04", 10)).replace('"volume": 1000', '"volume": ' + value) \
                + "]"
            self.write("numbers", "bar volume %s" % value, "POST", "/api/v1/prices/bars", body,
                       "answered" if value in ("-0", "1e3", "1.5e0") else "refused", fields=("volume",))
        for value in ("1e400", "-0", "9223372036854775808", "1e-400", "1.5"):
            sym = f.fresh("symbol")
            self.write("numbers", "instrument sharesOutstanding %s" % value, "PUT", "/api/v1/instruments/" + sym,
                       '{"name": "N", "currency": "USD", "exchange": "X", "kind": "EQUITY", "sharesOutstanding": %s}'
                       % value, "refused", fields=("sharesOutstanding",))
        for value in ("1e400", "-0", "1e-400", "9007199254740993"):
            self.write("numbers", "split ratio %s" % value, "POST", "/api/v1/corporate-actions",
                       '{"symbol": "%s", "exDate": "2025-10-15", "kind": "SPLIT", "ratio": %s}' % (f.symbol, value),
                       "refused", fields=("ratio",))
            self.write("numbers", "dividend amount %s" % value, "POST", "/api/v1/corporate-actions",
                       '{"symbol": "%s", "exDate": "2025-10-15", "kind": "DIVIDEND", "amount": %s}'
                       % (f.symbol, value), "refused", fields=("amount",))
        for field in ("amountUsd", "amountLowUsd", "amountHighUsd", "capacityGw", "share"):
            for value in ("1e400", "-1e400", "-0.0", "1e-400"):
                edge = f.fresh("edge")
                body = edge_body(edge, f.entity_b, f.entity_c, kind="EQUITY" if field == "share" else "INVESTMENT")
                if field == "share":
                    del body["amountUsd"]
                if field in ("amountLowUsd", "amountHighUsd"):
                    body.update(estimated=True, note="a range")
                if field == "capacityGw":
                    body.update(kind="PURCHASE", capacityKind="ACCELERATORS", estimated=True, note="capacity")
                    del body["amountUsd"]
                # zero is a legal amount, share and low amount ([0, max]); -0 and 1e-400 are zero
                zero_legal = field in ("amountUsd", "share", "amountLowUsd") and value in ("-0.0", "1e-400")
                body[field] = "__V__"
                text = json.dumps(body).replace('"__V__"', value)
                self.write("numbers", "edge %s %s" % (field, value), "POST", "/api/v1/exposure/edges", text,
                           "answered" if zero_legal else "refused", fields=(field,),
                           absent=() if zero_legal else ("/api/v1/exposure/edges/" + edge,))
        for field in ("valuationUsd", "revenueUsd", "cashUsd"):
            for value in ("1e400", "-0", "1e-400"):
                entity = f.fresh("entity")
                text = json.dumps(entity_body(**{field: "__V__"})).replace('"__V__"', value)
                self.write("numbers", "entity %s %s" % (field, value), "PUT",
                           "/api/v1/exposure/entities/" + entity, text,
                           "answered" if value != "1e400" and field != "valuationUsd" else "refused", fields=(field,),
                           absent=() if value != "1e400" and field != "valuationUsd" else
                           ("/api/v1/exposure/entities/" + entity,))
        for field, value in (("baseValue", "1e400"), ("baseValue", "-0"), ("baseValue", "1e-400"),
                             ("baseValue", "9007199254740993")):
            basket = f.fresh("basket")
            text = json.dumps({"id": basket, "name": "B", "currency": "USD", "baseDate": "2025-10-01",
                               "members": [{"symbol": "NVDA"}]})[:-1] + ', "%s": %s}' % (field, value)
            self.write("numbers", "basket %s %s" % (field, value), "POST", "/api/v1/baskets", text,
                       "answered" if value == "9007199254740993" else "refused", fields=(field,),
                       absent=() if value == "9007199254740993" else ("/api/v1/baskets/" + basket,))
        for value in ("1e400", "-0", "1e-400", "0.9999999999999999"):
            basket = f.fresh("basket")
            text = ('{"id": "%s", "name": "B", "currency": "USD", "baseDate": "2025-10-01", "weighting": "CUSTOM", '
                    '"members": [{"symbol": "NVDA", "weight": %s}, {"symbol": "MSFT", "weight": 0.5}]}'
                    % (basket, value))
            self.write("numbers", "basket member weight %s" % value, "POST", "/api/v1/baskets", text, "refused",
                       fields=("weight", "members"), absent=("/api/v1/baskets/" + basket,))
        for value in ("1e400", "-0", "1e-320", "-1e-400", "NaN", "-0.9999999999999999", "1"):
            body = '{"model": "DEBTRANK", "shocks": [{"entity": "%s", "valueChange": %s}]}' % (f.entity_b, value)
            self.write("numbers", "stress valueChange %s" % value, "POST", "/api/v1/exposure/stress", body,
                       "refused" if value in ("1e400", "NaN") else "answered",
                       fields=("body",) if value == "NaN" else ("valueChange",))
        for param, value in (("riskFreeRate", "1e400"), ("riskFreeRate", "-0"), ("riskFreeRate", "0.25"),
                             ("riskFreeRate", "0.2500000001"), ("riskFreeRate", "1E-2"), ("riskFreeRate", "0x10"),
                             ("riskFreeRate", "%E2%88%9E")):
            expect = "refused" if value in ("1e400", "0.2500000001", "0x10", "%E2%88%9E") else "answered"
            self.read("numbers", "performance %s %s" % (param, value),
                      "/api/v1/baskets/%s/performance?from=2025-10-01&to=2025-10-30&%s=%s" % (f.basket, param, value),
                      expect, fields=(param,))
        for param, value in (("minUsd", "1e400"), ("minUsd", "-1"), ("minUsd", "-0"), ("maxLength", "0"),
                             ("maxLength", "1"), ("maxLength", "2147483648"), ("maxLength", "1e1"),
                             ("limit", "0"), ("limit", "-1"), ("limit", "2147483647")):
            self.read("numbers", "loops %s %s" % (param, value), "/api/v1/exposure/loops?%s=%s" % (param, value),
                      "answered", fields=(param,))
        for value in ("-1", "9223372036854775808", "1.0", "1e0", "0x1"):
            self.write("numbers", "basket delete version %s" % value, "DELETE",
                       "/api/v1/baskets/%s?version=%s" % (f.basket, value), None, "refused", fields=("version",))

    # --- unicode --------------------------------------------------------------------------------------------------

    def unicode(self):
        f = self.f
        tricks = {"rtl-override": "\u202e", "zero-width space": "\u200b", "zero-width joiner": "\u200d",
                  "combining acute": "e\u0301", "emoji": "\U0001f680", "bom": "\ufeff", "fullwidth": "\uff2e",
                  "nbsp": "\u00a0"}
        for name, trick in tricks.items():
            sym = "TRU" + f.tag + trick
            quoted = urllib.parse.quote(sym, safe="")
            self.write("unicode", "instrument symbol with %s" % name, "PUT", "/api/v1/instruments/" + quoted,
                       json.dumps({"name": "U", "currency": "USD", "exchange": "X", "kind": "EQUITY"}), "refused",
                       fields=("symbol",))
            basket = f.fresh("basket") + trick
            self.write("unicode", "basket id with %s" % name, "POST", "/api/v1/baskets",
                       json.dumps({"id": basket, "name": "U", "currency": "USD", "baseDate": "2025-10-01",
                                   "members": [{"symbol": "NVDA"}]}), "refused", fields=("id",))
            entity = f.fresh("entity") + trick
            self.write("unicode", "entity id with %s" % name, "PUT",
                       "/api/v1/exposure/entities/" + urllib.parse.quote(entity, safe=""),
                       json.dumps(entity_body()), "refused", fields=("id", "entityId", "entity"))
            self.write("unicode", "bar symbol with %s" % name, "POST", "/api/v1/prices/bars",
                       json.dumps([bar(f.symbol + trick, "2025-11-05", 10)]), "refused", fields=("symbol",))
            self.write("unicode", "shock entity with %s" % name, "POST", "/api/v1/exposure/stress",
                       json.dumps({"model": "DEBTRANK", "shocks": [{"entity": f.entity_b + trick,
                                                                    "valueChange": -0.5}]}),
                       "refused", fields=("entity",))
        # blank-looking names: only invisible characters
        for name, text in (("zero-width only", "\u200b\u200b"), ("rtl override only", "\u202e"),
                           ("combining marks only", "\u0301\u0301"), ("nbsp only", "\u00a0\u00a0")):
            basket = f.fresh("basket")
            self.write("unicode", "basket name %s" % name, "POST", "/api/v1/baskets",
                       json.dumps({"id": basket, "name": text, "currency": "USD", "baseDate": "2025-10-01",
                                   "members": [{"symbol": "NVDA"}]}), "refused", fields=("name",),
                       absent=("/api/v1/baskets/" + basket,))
            entity = f.fresh("entity")
            self.write("unicode", "entity name %s" % name, "PUT", "/api/v1/exposure/entities/" + entity,
                       json.dumps(entity_body(name=text)), "refused", fields=("name",),
                       absent=("/api/v1/exposure/entities/" + entity,))
        # NFC and NFD spellings of one name: the second must not make a visually identical twin
        nfc = unicodedata.normalize("NFC", "Caf\u00e9 " + f.tag)
        nfd = unicodedata.normalize("NFD", nfc)
        label = self.t.case("unicode", "NFC and NFD basket names")
        first = self.r.call("POST", "/api/v1/baskets", json.dumps(
            {"id": f.fresh("basket"), "name": nfc, "currency": "USD", "baseDate": "2025-10-01",
             "members": [{"symbol": "NVDA"}]}))
        second = self.r.call("POST", "/api/v1/baskets", json.dumps(
            {"id": f.fresh("basket"), "name": nfd, "currency": "USD", "baseDate": "2025-10-01",
             "members": [{"symbol": "NVDA"}]}))
        self.t.check(label, first, "answered")
        self.t.check(label, second, "answered")
        if second.status == 201 and (second.json() or {}).get("name") not in (nfc, nfd):
            self.t.fail(label, "name stored as neither spelling: %r" % (second.json() or {}).get("name"))
        # a member symbol given twice (once with a zero-width space) in one basket
        basket = f.fresh("basket")
        self.write("unicode", "basket member NVDA twice, once with a zero-width space", "POST", "/api/v1/baskets",
                   json.dumps({"id": basket, "name": "Twice", "currency": "USD", "baseDate": "2025-10-01",
                               "members": [{"symbol": "NVDA"}, {"symbol": "NVDA\u200b"}]}), "refused",
                   fields=("symbol", "members"), absent=("/api/v1/baskets/" + basket,))
        basket = f.fresh("basket")
        self.write("unicode", "basket member NVDA twice", "POST", "/api/v1/baskets",
                   json.dumps({"id": basket, "name": "Twice", "currency": "USD", "baseDate": "2025-10-01",
                               "members": [{"symbol": "NVDA"}, {"symbol": "NVDA"}]}), "refused",
                   fields=("symbol", "members"), absent=("/api/v1/baskets/" + basket,))
        self.read("unicode", "latest with an emoji symbol", "/api/v1/prices/latest?symbols=" +
                  urllib.parse.quote("\U0001f680"), "refused", fields=("symbols",))
        self.read("unicode", "compare with a RTL-override id", "/api/v1/compare?a=%s&b=%s" %
                  (urllib.parse.quote(f.basket + "\u202e"), f.basket), "refused", fields=("a",))

    # --- JSON shapes ----------------------------------------------------------------------------------------------

    def shapes(self):
        f = self.f
        routes = [
            ("PUT", "/api/v1/instruments/" + f.fresh("symbol"),
             json.dumps({"name": "S", "currency": "USD", "exchange": "X", "kind": "EQUITY"}), "object"),
            ("POST", "/api/v1/prices/bars", json.dumps([bar(f.symbol, "2025-11-06", 10)]), "array"),
            ("POST", "/api/v1/prices/ticks", json.dumps([{"symbol": f.symbol, "ts": "2025-10-30T16:00:00Z",
                                                          "price": 10, "tradeId": "shape"}]), "array"),
            ("POST", "/api/v1/corporate-actions", json.dumps({"symbol": f.symbol, "exDate": "2025-10-16",
                                                              "kind": "SPLIT", "ratio": 2}), "object"),
            ("POST", "/api/v1/baskets", json.dumps({"id": f.fresh("basket"), "name": "S", "currency": "USD",
                                                    "baseDate": "2025-10-01", "members": [{"symbol": "NVDA"}]}),
             "object"),
            ("PUT", "/api/v1/exposure/entities/" + f.fresh("entity"), json.dumps(entity_body()), "object"),
            ("POST", "/api/v1/exposure/edges", json.dumps(edge_body(f.fresh("edge"), f.entity_b, f.entity_c)),
             "object"),
            ("POST", "/api/v1/exposure/stress", json.dumps({"model": "DEBTRANK", "shocks": [
                {"entity": f.entity_b, "valueChange": -0.5}]}), "object"),
        ]
        for method, path, valid, kind in routes:
            short = path.split("/api/v1/")[1].split("/trial")[0].split("/TRN")[0]
            shapes = {
                "a block comment": "/* comment */ " + valid,
                "a line comment": "// comment\n" + valid,
                "a UTF-8 byte order mark": "\ufeff" + valid,
                "single quotes": valid.replace('"', "'"),
                "a trailing comma": valid[:-1] + ("," + valid[-1]),
                "a NaN literal": valid[:-1] + (', "x": NaN}' if kind == "object" else ", NaN]"),
                "UTF-16": None,
                "null": "null",
                "true": "true",
                "a string": '"hello"',
                "a number": "1e400",
                "the other container": ("[" + valid + "]") if kind == "object" else valid[1:-1],
                "invalid UTF-8": None,
                "an empty body": "",
            }
            for name, body in shapes.items():
                # RFC 8259 lets a parser ignore a byte order mark, and Jackson reads UTF-16 as what it is
                expect = "answered" if name in ("a UTF-8 byte order mark", "UTF-16") else "refused"
                if name == "UTF-16":
                    raw = valid.encode("utf-16")
                elif name == "invalid UTF-8":
                    raw = valid.encode()[:-2] + b"\xff\xfe" + valid.encode()[-2:]
                else:
                    raw = body.encode("utf-8")
                fresh_path = path
                for old_id in re.findall(r"trial-[a-z]+-new-[a-z]+-\d+|TRN[A-Z]+\d+", valid + path):
                    new_id = f.fresh("symbol" if old_id.startswith("TRN") else old_id.split("-")[3])
                    raw = raw.replace(old_id.encode(), new_id.encode())
                    fresh_path = fresh_path.replace(old_id, new_id)
                self.write("shapes", "%s %s with %s" % (method, short, name), method, fresh_path, raw, expect,
                           absent=(fresh_path,) if "exposure/entities" in path and expect == "refused" else ())
        # a valid body with a key in another case, and numbers spelled as strings
        basket = f.fresh("basket")
        self.write("shapes", "basket with Members in another case", "POST", "/api/v1/baskets",
                   json.dumps({"id": basket, "name": "S", "currency": "USD", "baseDate": "2025-10-01",
                               "Members": [{"symbol": "NVDA"}]}), "refused", fields=("Members", "members"),
                   absent=("/api/v1/baskets/" + basket,))
        self.write("shapes", "stress with shocks an object", "POST", "/api/v1/exposure/stress",
                   json.dumps({"model": "DEBTRANK", "shocks": {"entity": f.entity_b, "valueChange": -0.5}}),
                   "refused", fields=("shocks",))
        self.write("shapes", "stress with options an array", "POST", "/api/v1/exposure/stress",
                   json.dumps({"model": "DEBTRANK", "shocks": [{"entity": f.entity_b, "valueChange": -0.5}],
                               "options": []}), "refused", fields=("options",))
        self.write("shapes", "stress with valueChange a string", "POST", "/api/v1/exposure/stress",
                   json.dumps({"model": "DEBTRANK", "shocks": [{"entity": f.entity_b, "valueChange": "-0.5"}]}),
                   "refused", fields=("valueChange",))
        self.write("shapes", "stress with model a number", "POST", "/api/v1/exposure/stress",
                   json.dumps({"model": 2, "shocks": [{"entity": f.entity_b, "valueChange": -0.5}]}),
                   "refused", fields=("model",))
        self.write("shapes", "stress with model Debt Rank", "POST", "/api/v1/exposure/stress",
                   json.dumps({"model": "Debt Rank", "shocks": [{"entity": f.entity_b, "valueChange": -0.5}]}),
                   "refused", fields=("model",))
        self.write("shapes", "stress with a nested duplicate key", "POST", "/api/v1/exposure/stress",
                   '{"model": "DEBTRANK", "shocks": [{"entity": "%s", "valueChange": -0.5, "valueChange": 1}]}'
                   % f.entity_b, "refused", fields=("valueChange",))
        self.write("shapes", "edge with a nested array 5000 deep in note", "POST", "/api/v1/exposure/edges",
                   json.dumps(edge_body(f.fresh("edge"), f.entity_b, f.entity_c))[:-1] + ', "note": ' +
                   "[" * 5000 + "]" * 5000 + "}", "refused")
        self.write("shapes", "bars with 200000 empty objects", "POST", "/api/v1/prices/bars",
                   "[" + ",".join(["{}"] * 200000) + "]", "refused")
        self.write("shapes", "stress with a 9 MB entity id", "POST", "/api/v1/exposure/stress",
                   json.dumps({"model": "DEBTRANK", "shocks": [{"entity": "a" * 9_000_000, "valueChange": -0.5}]}),
                   "refused")
        self.write("shapes", "stress with 100000 shocks of one entity", "POST", "/api/v1/exposure/stress",
                   json.dumps({"model": "DEBTRANK", "shocks": [{"entity": f.entity_b, "valueChange": -0.1}] * 100000}),
                   "refused", fields=("shocks", "entity"))
        self.write("shapes", "basket with 100000 copies of one member", "POST", "/api/v1/baskets",
                   json.dumps({"id": f.fresh("basket"), "name": "S", "currency": "USD", "baseDate": "2025-10-01",
                               "members": [{"symbol": "NVDA"}] * 100000}), "refused", fields=("members", "symbol"))
        self.write("shapes", "bars charset latin-1 declared", "POST", "/api/v1/prices/bars",
                   json.dumps([bar(f.symbol, "2025-11-07", 10)]).encode("latin-1"), "answered",
                   content_type="application/json; charset=iso-8859-1")

    # --- idempotency and version races -----------------------------------------------------------------------------

    def idempotency(self):
        f = self.f
        key = "trial-key-" + f.tag
        basket = f.fresh("basket")
        body1 = json.dumps({"id": basket, "name": "Idem", "currency": "USD", "baseDate": "2025-10-01",
                            "members": [{"symbol": "NVDA"}]})
        body2 = body1.replace('"Idem"', '"Other"')
        self.write("idempotency", "create with a key", "POST", "/api/v1/baskets", body1, "ok",
                   headers={"Idempotency-Key": key})
        self.write("idempotency", "same key, other body", "POST", "/api/v1/baskets", body2, 409,
                   headers={"Idempotency-Key": key})
        again = self.write("idempotency", "same key, same body", "POST", "/api/v1/baskets", body1, "ok",
                           headers={"Idempotency-Key": key})
        stored = self.r.get_json("/api/v1/baskets/" + basket) or {}
        if stored.get("name") != "Idem":
            self.t.fail("idempotency / same key, other body", "the stored basket is %r" % stored)
        if again.status not in (200, 201):
            pass
        other_basket = f.fresh("basket")
        self.write("idempotency", "same key, another id", "POST", "/api/v1/baskets",
                   body1.replace(basket, other_basket), 409, headers={"Idempotency-Key": key},
                   absent=("/api/v1/baskets/" + other_basket,))
        edge = f.fresh("edge")
        self.write("idempotency", "basket key reused for an edge", "POST", "/api/v1/exposure/edges",
                   json.dumps(edge_body(edge, f.entity_b, f.entity_c)), "answered",
                   headers={"Idempotency-Key": key})
        for name, value in (("empty", ""), ("10000 characters", "k" * 10000), ("control characters", "a\tb"),
                            ("non-ASCII", "cl\u00e9")):
            basket = f.fresh("basket")
            raw = value.encode("utf-8").decode("latin-1")
            self.write("idempotency", "key %s" % name, "POST", "/api/v1/baskets",
                       body1.replace(json.dumps(basket)[1:-1], basket).replace('"id": "%s"' % json.loads(body1)["id"],
                                                                               '"id": "%s"' % basket),
                       "answered", headers={"Idempotency-Key": raw}, fields=("Idempotency-Key",))
        # the same create raced by 8 clients with one key: one basket, every answer the same
        basket = f.fresh("basket")
        body = body1.replace(json.loads(body1)["id"], basket)
        answers = race(lambda: self.r.call("POST", "/api/v1/baskets", body,
                                           headers={"Idempotency-Key": key + "-race"}), 8)
        label = self.t.case("idempotency", "8 concurrent creates with one key")
        for answer in answers:
            self.t.check(label, answer, "answered")
        statuses = sorted(a.status for a in answers)
        stored = self.r.get_json("/api/v1/baskets/" + basket) or {}
        if any(s not in (200, 201) for s in statuses) or len({a.body for a in answers}) != 1 or \
                stored.get("version") != 0:
            self.t.fail(label, "statuses %s, stored %s" % (statuses, stored))
        # version races
        label = self.t.case("races", "8 concurrent replaces of one basket at one version")
        current = self.r.get_json("/api/v1/baskets/" + f.basket) or {}
        version = current.get("version", 1)

        def replace(n):
            body = dict(current, name="Race %d" % n)
            return self.r.call("PUT", "/api/v1/baskets/" + f.basket, json.dumps(body))
        answers = race_indexed(replace, 8)
        for answer in answers:
            self.t.check(label, answer, "answered")
        statuses = sorted(a.status for a in answers)
        after = self.r.get_json("/api/v1/baskets/" + f.basket) or {}
        if statuses.count(200) != 1 or after.get("version") != version + 1:
            self.t.fail(label, "statuses %s, version %s -> %s" % (statuses, version, after.get("version")))
        label = self.t.case("races", "8 concurrent instrument updates at one version")
        instrument = self.r.get_json("/api/v1/instruments?pageSize=1000") or []
        mine = next((i for i in instrument if i.get("symbol") == f.symbol2), {"version": 1})

        def update(n):
            return self.r.call("PUT", "/api/v1/instruments/%s?version=%d" % (f.symbol2, mine["version"]), json.dumps(
                {"name": "Race %d" % n, "currency": "USD", "exchange": "TEST", "kind": "EQUITY",
                 "sharesOutstanding": 1000000}))
        answers = race_indexed(update, 8)
        for answer in answers:
            self.t.check(label, answer, "answered")
        statuses = sorted(a.status for a in answers)
        if statuses.count(200) != 1:
            self.t.fail(label, "statuses %s" % statuses)
        label = self.t.case("races", "delete and replace of one basket raced")
        basket = f.fresh("basket")
        created = self.r.call("POST", "/api/v1/baskets", json.dumps(
            {"id": basket, "name": "R", "currency": "USD", "baseDate": "2025-10-01",
             "members": [{"symbol": "NVDA"}]}))
        body = dict(created.json() or {}, name="R2")
        # every write at the version the create answered: one of them may win, never two
        at = body.get("version", 0)
        answers = race_indexed(lambda n: self.r.call("DELETE", "/api/v1/baskets/%s?version=%d" % (basket, at)) if n % 2
                               else self.r.call("PUT", "/api/v1/baskets/" + basket, json.dumps(body)), 6)
        for answer in answers:
            self.t.check(label, answer, "answered")
        wins = [a.status for a in answers if a.status < 300]
        if len(wins) != 1:
            self.t.fail(label, "%d writes won at version %d: %s" % (len(wins), at, sorted(a.status for a in answers)))
        label = self.t.case("races", "8 concurrent entity creates of one id")
        entity = f.fresh("entity")
        answers = race(lambda: self.r.call("PUT", "/api/v1/exposure/entities/" + entity,
                                           json.dumps(entity_body())), 8)
        for answer in answers:
            self.t.check(label, answer, "answered")
        history = self.r.get_json("/api/v1/exposure/entities/%s/history" % entity) or []
        if len(history) != 1:
            self.t.fail(label, "%d versions stored by one create: %s" % (len(history),
                                                                          sorted(a.status for a in answers)))

    # --- CSV ------------------------------------------------------------------------------------------------------

    def csv(self):
        f = self.f
        header = "Date,Open,High,Low,Close,Adj Close,Volume"
        good = "2025-10-20,10,11,9,10.5,10.5,1000"
        bad = "2025-10-21,10,11,9,abc,10.5,1000"
        csv_path = "/api/v1/prices/csv?symbol=" + f.symbol
        bodies = {
            "BOM and CRLF, one bad row": ("\ufeff" + header + "\r\n" + good + "\r\n" + bad + "\r\n", "answered", (3,)),
            "CR-only line ends, one bad row": (header + "\r" + good + "\r" + bad + "\r", "answered", (3,)),
            "quoted fields with a comma in a number": (header + "\n" + '2025-10-21,"1,000",11,9,10.5,10.5,1000\n',
                                                      "refused", (2,)),
            "semicolon delimiter": (header.replace(",", ";") + "\n" + good.replace(",", ";") + "\n", "refused", ()),
            "decimal commas with semicolons": ("Date;Open;High;Low;Close;Adj Close;Volume\n"
                                               "2025-10-21;10,5;11;9;10,5;10,5;1000\n", "refused", ()),
            "tab separated": (header.replace(",", "\t") + "\n" + good.replace(",", "\t") + "\n", "refused", ()),
            "US date": (header + "\n" + "10/21/2025,10,11,9,10.5,10.5,1000\n", "refused", (2,)),
            "slash date": (header + "\n" + "2025/10/21,10,11,9,10.5,10.5,1000\n", "refused", (2,)),
            "compact date": (header + "\n" + "20251021,10,11,9,10.5,10.5,1000\n", "refused", (2,)),
            "date with a time": (header + "\n" + "2025-10-21T00:00:00Z,10,11,9,10.5,10.5,1000\n", "refused", (2,)),
            "month name date": (header + "\n" + "21-Oct-2025,10,11,9,10.5,10.5,1000\n", "refused", (2,)),
            "February 30": (header + "\n" + "2025-02-30,10,11,9,10.5,10.5,1000\n", "refused", (2,)),
            "10000 columns": (header + "," + ",".join("c%d" % i for i in range(10000)) + "\n" + good + "," +
                              ",".join("1" for _ in range(10000)) + "\n", "refused", ()),
            "a 2 MB line": (header + "\n" + good + "," + "9" * 2_000_000 + "\n", "refused", (2,)),
            "only CRLFs": ("\r\n" * 1000, "refused", ()),
            "a header and 100000 commas": (header + "\n" + "," * 100000 + "\n", "refused", (2,)),
            "exponent prices": (header + "\n" + "2025-10-22,1e1,1.1E1,9e0,1.05e1,1.05e1,1e3\n", "answered", ()),
            "NaN price": (header + "\n" + "2025-10-22,NaN,11,9,10.5,10.5,1000\n", "refused", (2,)),
            "Infinity price": (header + "\n" + "2025-10-22,10,Infinity,9,10.5,10.5,1000\n", "refused", (2,)),
            "1e400 price": (header + "\n" + "2025-10-22,10,1e400,9,10.5,10.5,1000\n", "refused", (2,)),
            "hex price": (header + "\n" + "2025-10-22,0x10,11,9,10.5,10.5,1000\n", "refused", (2,)),
            "one date twice with other closes": (header + "\n" + "2025-10-23,10,11,9,10.5,10.5,1000\n" +
                                                 "2025-10-23,10,11,9,9.5,9.5,1000\n", "answered", ()),
            "a quote never closed": (header + "\n" + '2025-10-24,"10,11,9,10.5,10.5,1000\n', "refused", (2,)),
            "quoted header": ('"Date","Open","High","Low","Close","Adj Close","Volume"\n' + good + "\n",
                              "answered", ()),
            "header in upper case with spaces": (" DATE , OPEN , HIGH , LOW , CLOSE , ADJ CLOSE , VOLUME \n" + good +
                                                 "\n", "answered", ()),
            "volume with a fraction": (header + "\n" + "2025-10-24,10,11,9,10.5,10.5,1000.5\n", "refused", (2,)),
            "negative volume": (header + "\n" + "2025-10-24,10,11,9,10.5,10.5,-5\n", "refused", (2,)),
            "high below low": (header + "\n" + "2025-10-24,10,9,11,10.5,10.5,5\n", "refused", (2,)),
            "close above high": (header + "\n" + "2025-10-24,10,11,9,12,12,5\n", "refused", (2,)),
            "2100-01-01": (header + "\n" + "2100-01-01,10,11,9,10.5,10.5,5\n", "answered", ()),
            "year 0": (header + "\n" + "0000-10-24,10,11,9,10.5,10.5,5\n", "refused", (2,)),
            "UTF-16 file": (None, "refused", ()),
        }
        for name, (body, expect, rows) in bodies.items():
            raw = (header + "\n" + good + "\n").encode("utf-16") if body is None else body.encode("utf-8")
            self.write("csv", "csv " + name, "POST", csv_path, raw, expect, rows=rows if expect == "refused" else (),
                       content_type="text/csv")
        bulk_header = "symbol,date,open,high,low,close,volume"
        bulk = {
            "BOM and CRLF": "\ufeff" + bulk_header + "\r\n" + "%s,2025-10-20,10,11,9,10.5,1000\r\n" % f.symbol,
            "CR only": bulk_header + "\r" + "%s,2025-10-20,10,11,9,10.5,1000\r" % f.symbol,
            "symbol with a zero-width space": bulk_header + "\n%s\u200b,2025-10-20,10,11,9,10.5,1000\n" % f.symbol,
            "symbol in lower case": bulk_header + "\n%s,2025-10-20,10,11,9,10.5,1000\n" % f.symbol.lower(),
            "unknown symbol": bulk_header + "\nTRZZZZ%s,2025-10-20,10,11,9,10.5,1000\n" % f.tag,
            "10000 columns": bulk_header + "," + ",".join("c%d" % i for i in range(10000)) + "\n",
            "semicolons": bulk_header.replace(",", ";") + "\n",
            "a 2 MB symbol": bulk_header + "\n" + "A" * 2_000_000 + ",2025-10-20,10,11,9,10.5,1000\n",
            "US dates": bulk_header + "\n%s,10/20/2025,10,11,9,10.5,1000\n" % f.symbol,
            "quoted NaN": bulk_header + '\n%s,2025-10-20,"NaN",11,9,10.5,1000\n' % f.symbol,
            "1e400 close": bulk_header + "\n%s,2025-10-20,10,11,9,1e400,1000\n" % f.symbol,
            "a column twice": bulk_header + ",close\n%s,2025-10-20,10,11,9,10.5,1000,99\n" % f.symbol,
            "no date column": "symbol,open,high,low,close,volume\n%s,10,11,9,10.5,1000\n" % f.symbol,
        }
        for name, body in bulk.items():
            expect_rows = (2,) if name in ("symbol with a zero-width space", "unknown symbol",
                                           "US dates", "quoted NaN", "1e400 close", "a 2 MB symbol") else ()
            expect = "answered" if name in ("BOM and CRLF", "CR only", "symbol in lower case") else "refused"
            self.write("csv", "bulk " + name, "POST", "/api/v1/prices/bulk-csv", body, expect, rows=expect_rows,
                       content_type="text/csv")
        # a file with good and bad rows stores exactly the good ones
        label = self.t.case("csv", "good and bad rows: the good ones stored, the bad ones named")
        sym = f.fresh("symbol")
        self.r.call("PUT", "/api/v1/instruments/" + sym, json.dumps(
            {"name": "Mixed", "currency": "USD", "exchange": "X", "kind": "EQUITY"}))
        rows = [header] + ["2025-09-%02d,10,11,9,10.5,10.5,100" % d for d in (1, 2, 3)] + \
            ["2025-09-04,10,11,9,-10.5,-10.5,100", "2025-09-05,10,11,9,10.5,10.5,1e3", "2025-09-08,1,1,1,1,1,1,1"]
        answer = self.r.call("POST", "/api/v1/prices/csv?symbol=" + sym, "\r\n".join(rows) + "\r\n",
                             content_type="text/csv")
        self.t.check(label, answer, "answered", rows=(5, 7))
        stored = self.r.get_json("/api/v1/prices/%s/bars?from=2025-09-01&to=2025-09-30" % sym) or {}
        dates = [b.get("date") for b in stored.get("bars", [])]
        if not {"2025-09-01", "2025-09-02", "2025-09-03"} <= set(dates) or "2025-09-04" in dates:
            self.t.fail(label, "stored dates %s" % dates)

    # --- corporate actions ---------------------------------------------------------------------------------------

    def corporate_actions(self):
        f = self.f
        sym = f.fresh("symbol")
        self.r.call("PUT", "/api/v1/instruments/" + sym, json.dumps(
            {"name": "Actions", "currency": "USD", "exchange": "X", "kind": "EQUITY"}))
        self.r.call("POST", "/api/v1/prices/bars", json.dumps(
            [bar(sym, "2025-10-%02d" % d, 10) for d in (1, 2, 3, 6, 7, 8)]))
        basket = f.fresh("basket")
        self.r.call("POST", "/api/v1/baskets", json.dumps(
            {"id": basket, "name": "Actions", "currency": "USD", "baseDate": "2025-10-01",
             "members": [{"symbol": sym}]}))
        reads = ["/api/v1/prices/%s/bars?from=2025-10-01&to=2025-10-31&adjusted=%s" % (sym, a)
                 for a in ("split", "total")] + \
                ["/api/v1/baskets/%s/performance?from=2025-10-01&to=2025-10-31&returnType=%s" % (basket, r)
                 for r in ("PRICE", "TOTAL")]
        cases = [
            ("dividend larger than the close", {"kind": "DIVIDEND", "exDate": "2025-10-06", "amount": 20}),
            ("dividend equal to the close", {"kind": "DIVIDEND", "exDate": "2025-10-07", "amount": 10}),
            ("dividend before the first bar", {"kind": "DIVIDEND", "exDate": "2025-09-01", "amount": 1}),
            ("dividend on a Sunday", {"kind": "DIVIDEND", "exDate": "2025-10-05", "amount": 1}),
            ("split ratio 1", {"kind": "SPLIT", "exDate": "2025-10-02", "ratio": 1}),
            ("split on the first bar's date", {"kind": "SPLIT", "exDate": "2025-10-01", "ratio": 2}),
            ("split after the last bar", {"kind": "SPLIT", "exDate": "2025-12-01", "ratio": 3}),
            ("split ratio 1e-4 (reverse)", {"kind": "SPLIT", "exDate": "2025-10-03", "ratio": 1e-4}),
            ("split ratio 1e4", {"kind": "SPLIT", "exDate": "2025-10-08", "ratio": 1e4}),
            ("split of 1/3", {"kind": "SPLIT", "exDate": "2025-10-07", "ratio": 1 / 3}),
        ]
        for name, action in cases:
            action = dict(action, symbol=sym)
            label = self.t.case("actions", name)
            answer = self.r.call("POST", "/api/v1/corporate-actions", json.dumps(action))
            self.t.check(label, answer, "answered", request=json.dumps(action))
            for read in reads:
                self.t.check(label, self.r.call("GET", read), "answered", request="GET " + read)
            if answer.status < 300:
                adjusted = self.r.get_json(reads[1]) or {}
                for stored_bar in adjusted.get("bars", []):
                    if any(isinstance(stored_bar.get(k), (int, float)) and stored_bar[k] <= 0
                           for k in ("open", "high", "low", "close")):
                        self.t.fail(label, "adjusted bar with a price <= 0: %s" % stored_bar)
                        break
        # 100 reverse splits: the split-adjusted history must stay finite or be refused
        label = self.t.case("actions", "100 stacked reverse splits of 1e-4")
        sym = f.fresh("symbol")
        self.r.call("PUT", "/api/v1/instruments/" + sym, json.dumps(
            {"name": "Stacked", "currency": "USD", "exchange": "X", "kind": "EQUITY"}))
        self.r.call("POST", "/api/v1/prices/bars", json.dumps([bar(sym, "2025-01-02", 1e7 - 1)]))
        statuses = []
        for day in range(100):
            date = "2025-%02d-%02d" % (2 + day // 28, 1 + day % 28)
            statuses.append(self.r.call("POST", "/api/v1/corporate-actions", json.dumps(
                {"symbol": sym, "exDate": date, "kind": "SPLIT", "ratio": 1e-4})).status)
        if any(s >= 500 for s in statuses):
            self.t.fail(label, "split statuses %s" % sorted(set(statuses)))
        for adjusted in ("split", "total"):
            self.t.check(label, self.r.call("GET", "/api/v1/prices/%s/bars?from=2025-01-01&to=2025-12-31&adjusted=%s"
                                            % (sym, adjusted)), "answered")
        label = self.t.case("actions", "100 stacked splits of 1e4 with a dividend each")
        sym = f.fresh("symbol")
        self.r.call("PUT", "/api/v1/instruments/" + sym, json.dumps(
            {"name": "Stacked", "currency": "USD", "exchange": "X", "kind": "EQUITY"}))
        self.r.call("POST", "/api/v1/prices/bars", json.dumps([bar(sym, "2025-01-02", 2e-6)]))
        for day in range(100):
            date = "2025-%02d-%02d" % (2 + day // 28, 1 + day % 28)
            self.r.call("POST", "/api/v1/corporate-actions", json.dumps(
                {"symbol": sym, "exDate": date, "kind": "SPLIT", "ratio": 1e4}))
            self.r.call("POST", "/api/v1/corporate-actions", json.dumps(
                {"symbol": sym, "exDate": date, "kind": "DIVIDEND", "amount": 1e-6}))
        for adjusted in ("split", "total"):
            self.t.check(label, self.r.call("GET", "/api/v1/prices/%s/bars?from=2025-01-01&to=2025-12-31&adjusted=%s"
                                            % (sym, adjusted)), "answered")
        for bad, field in ((dict(kind="SPLIT", exDate="2025-10-02", amount=1), "amount"),
                           (dict(kind="DIVIDEND", exDate="2025-10-02", ratio=2), "ratio"),
                           (dict(kind="SPLIT", exDate="2025-10-02"), "ratio"),
                           (dict(kind="MERGER", exDate="2025-10-02", ratio=2), "kind"),
                           (dict(kind="reverse split", exDate="2025-10-02", ratio=2), "kind"),
                           (dict(kind="SPLIT", exDate="2025-10-02", ratio=2, amount=None), "amount")):
            body = dict(bad, symbol=f.symbol)
            self.write("actions", "action %s" % json.dumps(bad), "POST", "/api/v1/corporate-actions",
                       json.dumps(body), "answered" if "None" in str(bad.values()) else "refused", fields=(field,))
        for path, field in (("/api/v1/corporate-actions/%s/2025-13-01/SPLIT" % f.symbol, "exDate"),
                            ("/api/v1/corporate-actions/%s/2025-10-01/MERGER" % f.symbol, "kind"),
                            ("/api/v1/corporate-actions/%s/2025-10-01/SPLITS" % f.symbol, "kind"),
                            ("/api/v1/corporate-actions/%s/1e3/SPLIT" % f.symbol, "exDate"),
                            ("/api/v1/corporate-actions/%s/2025-10-01/SPLIT" % urllib.parse.quote("\u200b"),
                             "symbol")):
            self.write("actions", "delete " + path.split("corporate-actions/")[1], "DELETE", path, None, "refused",
                       fields=(field,))

    # --- funding graph --------------------------------------------------------------------------------------------

    def graph(self):
        f = self.f
        edges = "/api/v1/exposure/edges"
        cases = [
            ("self-loop investment", edge_body(f.fresh("edge"), f.entity_c, f.entity_c), "refused", ("to", "from")),
            ("self-loop equity", edge_body(f.fresh("edge"), f.entity_c, f.entity_c, kind="EQUITY", share=0.1,
                                           amountUsd=None), "refused", ("to", "from")),
            ("low above high", edge_body(f.fresh("edge"), f.entity_b, f.entity_c, amountLowUsd=2e6,
                                         amountHighUsd=1e6), "refused", ("amountLowUsd", "amountHighUsd")),
            ("negative low", edge_body(f.fresh("edge"), f.entity_b, f.entity_c, amountLowUsd=-1e6,
                                       amountHighUsd=2e6), "refused", ("amountLowUsd",)),
            ("negative high", edge_body(f.fresh("edge"), f.entity_b, f.entity_c, amountLowUsd=-3e6,
                                        amountHighUsd=-2e6), "refused", ("amountLowUsd", "amountHighUsd")),
            ("amount outside its range", edge_body(f.fresh("edge"), f.entity_b, f.entity_c, amountLowUsd=2e6,
                                                   amountHighUsd=3e6), "refused",
             ("amountUsd", "amountLowUsd", "amountHighUsd")),
            ("range without an amount", edge_body(f.fresh("edge"), f.entity_b, f.entity_c, amountUsd=None,
                                                  amountLowUsd=1e6, amountHighUsd=2e6), "answered", ("amountUsd",)),
            ("amount zero", edge_body(f.fresh("edge"), f.entity_b, f.entity_c, amountUsd=0), "answered",
             ("amountUsd",)),
            ("capacity negative", edge_body(f.fresh("edge"), f.entity_b, f.entity_c, kind="PURCHASE",
                                            capacityGw=-1, capacityKind="ACCELERATORS"), "refused", ("capacityGw",)),
            ("capacity kind unknown", edge_body(f.fresh("edge"), f.entity_b, f.entity_c, kind="PURCHASE",
                                                capacityGw=1, capacityKind="QUANTUM"), "refused", ("capacityKind",)),
            ("equity share above one", edge_body(f.fresh("edge"), f.entity_b, f.entity_c, kind="EQUITY",
                                                 share=1.5, amountUsd=None), "refused", ("share",)),
            ("equity with an amount and no share", edge_body(f.fresh("edge"), f.entity_b, f.entity_c,
                                                             kind="EQUITY"), "refused", ("share",)),
            ("guarantee with a share", edge_body(f.fresh("edge"), f.entity_b, f.entity_c, kind="GUARANTEE",
                                                 share=0.5), "refused", ("share",)),
            ("asOf in 2999", edge_body(f.fresh("edge"), f.entity_b, f.entity_c, asOf="2999-01-01"), "refused",
             ("asOf",)),
            ("asOf as a timestamp", edge_body(f.fresh("edge"), f.entity_b, f.entity_c,
                                              asOf="2025-06-30T00:00:00Z"), "refused", ("asOf",)),
            ("validTo before asOf", edge_body(f.fresh("edge"), f.entity_b, f.entity_c, validTo="2025-01-01"),
             "refused", ("validTo",)),
            ("unknown confidence", edge_body(f.fresh("edge"), f.entity_b, f.entity_c, confidence="CERTAIN"),
             "refused", ("confidence",)),
            ("from unknown", edge_body(f.fresh("edge"), "trial-nobody", f.entity_c), "refused", ("from",)),
            ("id uppercase", edge_body("TRIAL-" + f.tag + "-UP", f.entity_b, f.entity_c), "refused", ("id",)),
        ]
        for name, body, expect, fields in cases:
            body = {k: v for k, v in body.items() if v is not None}
            self.write("graph", "edge " + name, "POST", edges, json.dumps(body), expect, fields=fields,
                       absent=() if expect == "answered" else (edges + "/" + body["id"],))
        # an investment cycle a -> b -> c -> a is legal: loops must answer finitely
        self.r.call("POST", edges, json.dumps(edge_body(f.fresh("edge"), f.entity_b, f.entity_c)))
        self.r.call("POST", edges, json.dumps(edge_body(f.fresh("edge"), f.entity_c, f.entity_a)))
        for amounts in ("LOW", "BASE", "HIGH", "low", "MID"):
            self.read("graph", "loops amounts %s on a cycle" % amounts,
                      "/api/v1/exposure/loops?asOf=2100-01-01&amounts=" + amounts,
                      "refused" if amounts == "MID" else "ok", fields=("amounts",))
        for target in (f.entity_a, f.entity_c, "trial-nobody", "", "a" * 65):
            self.read("graph", "lookthrough target %r" % target[:10],
                      "/api/v1/exposure/lookthrough?asOf=2100-01-01&target=" + target,
                      "ok" if target in (f.entity_a, f.entity_c) else "refused", fields=("target",))
        for asof in ("2025-02-29", "9999-12-31", "0001-01-01", "2025-6-30", "yesterday"):
            self.read("graph", "entities asOf %s" % asof, "/api/v1/exposure/entities?asOf=" + asof,
                      "refused" if asof in ("2025-02-29", "2025-6-30", "yesterday") else "answered",
                      fields=("asOf",))
        for known in ("2025-06-30", "2025-06-30T00:00:00", "1969-12-31T23:59:59Z", "+10000-01-01T00:00:00Z"):
            self.read("graph", "edges knownAt %s" % known, "/api/v1/exposure/edges?knownAt=" +
                      urllib.parse.quote(known), "answered", fields=("knownAt",))
        # entity edits
        for name, change, field in (("LISTED without ticker", {"kind": "LISTED"}, "ticker"),
                                    ("PRIVATE with a ticker", {"ticker": "NVDA"}, "ticker"),
                                    ("valuation without a date", {"valuationAsOf": None}, "valuationAsOf"),
                                    ("valuation date in 2999", {"valuationAsOf": "2999-01-01"}, "valuationAsOf"),
                                    ("kind BANK", {"kind": "BANK"}, "kind"),
                                    ("listings of 10000", {"kind": "LISTED", "ticker": "NVDA",
                                                           "listings": ["NVDA"] * 10000}, "listings")):
            entity = f.fresh("entity")
            body = {k: v for k, v in entity_body(**change).items() if v is not None}
            self.write("graph", "entity " + name, "PUT", "/api/v1/exposure/entities/" + entity, json.dumps(body),
                       "refused", fields=(field,), absent=("/api/v1/exposure/entities/" + entity,))
        for valid_to in ("2025-01-01", "2025-06-30", "not-a-date", "2025-06-29"):
            edge = f.fresh("edge")
            self.r.call("POST", edges, json.dumps(edge_body(edge, f.entity_b, f.entity_c)))
            # a delete on or before the version's start retracts it (docs/decisions.md, "One rule for every write")
            self.write("graph", "edge delete validTo %s (the edge holds from 2025-06-30)" % valid_to, "DELETE",
                       "%s/%s?validTo=%s" % (edges, edge, valid_to), None,
                       "refused" if valid_to == "not-a-date" else "answered", fields=("validTo",))

    # --- stress ---------------------------------------------------------------------------------------------------

    def stress(self):
        f = self.f
        path = "/api/v1/exposure/stress"
        everyone = [f.entity_a, f.entity_b, f.entity_c]
        for model in ("CROSS_HOLDINGS", "DEBTRANK", "CLEARING"):
            base = {"model": model, "asOf": "2100-01-01"}
            cases = [
                ("every entity at -1", dict(base, shocks=[{"entity": e, "valueChange": -1} for e in everyone]),
                 "answered", ()),
                ("a shock of 0", dict(base, shocks=[{"entity": f.entity_a, "valueChange": 0}]), "answered", ()),
                ("a shock of +1", dict(base, shocks=[{"entity": f.entity_a, "valueChange": 1}]), "answered", ()),
                ("a shock of +1e6", dict(base, shocks=[{"entity": f.entity_a, "valueChange": 1e6}]), "answered",
                 ("valueChange",)),
                ("one entity shocked twice", dict(base, shocks=[{"entity": f.entity_a, "valueChange": -0.5},
                                                                {"entity": f.entity_a, "valueChange": -0.1}]),
                 "refused", ("entity", "shocks")),
                ("a shock without entity", dict(base, shocks=[{"valueChange": -0.5}]), "refused", ("entity",)),
                ("a shock without valueChange", dict(base, shocks=[{"entity": f.entity_a}]), "refused",
                 ("valueChange",)),
                ("knownAt before the fixture", dict(base, knownAt="2000-01-01T00:00:00Z",
                                                    shocks=[{"entity": f.entity_a, "valueChange": -0.5}]),
                 "refused", ("entity",)),
                ("asOf 1900-01-01", dict(base, asOf="1900-01-01", shocks=[{"entity": f.entity_a,
                                                                          "valueChange": -0.5}]),
                 "answered", ("entity",)),
                ("amounts LOW", dict(base, amounts="LOW", shocks=[{"entity": f.entity_a, "valueChange": -0.5}]),
                 "answered", ()),
                ("amounts MEDIUM", dict(base, amounts="MEDIUM", shocks=[{"entity": f.entity_a,
                                                                          "valueChange": -0.5}]),
                 "refused", ("amounts",)),
            ]
            for name, body, expect, fields in cases:
                self.write("stress", "%s %s" % (model, name), "POST", path, json.dumps(body), expect, fields=fields,
                           state=False)
        options = [("DEBTRANK", {"theta": 0}, "answered"), ("DEBTRANK", {"theta": 1}, "answered"),
                   ("DEBTRANK", {"theta": -0.0}, "answered"), ("DEBTRANK", {"theta": 1e-320}, "answered"),
                   ("DEBTRANK", {"rule": 2013}, "refused"), ("DEBTRANK", {"rule": "2015"}, "answered"),
                   ("CROSS_HOLDINGS", {"theta": 0.5, "beta": 1e308}, "answered"),
                   ("CROSS_HOLDINGS", {"theta": 0.5, "beta": 0}, "answered"),
                   ("CROSS_HOLDINGS", {"theta": 0.5, "beta": -1}, "refused"),
                   ("CLEARING", {"alpha": 0}, "answered"), ("CLEARING", {"alpha": 1}, "answered"),
                   ("CLEARING", {"alpha": 1.0000001}, "refused"), ("CLEARING", {"horizonYears": 0}, "refused"),
                   # a horizon is at least one day (docs/decisions.md, "Hostile trial")
                   ("CLEARING", {"horizonYears": 1e-320}, "refused"), ("CLEARING", {"horizonYears": 0.002}, "refused"),
                   ("CLEARING", {"horizonYears": 1 / 365}, "answered"), ("CLEARING", {"horizonYears": 100}, "answered"),
                   ("CLEARING", {"horizonYears": -1}, "refused"), ("CLEARING", {"beta": 0.5}, "answered")]
        for model, option, expect in options:
            body = {"model": model, "asOf": "2100-01-01", "shocks": [{"entity": f.entity_a, "valueChange": -0.9}],
                    "options": option}
            self.write("stress", "%s options %s" % (model, json.dumps(option)), "POST", path, json.dumps(body),
                       expect, fields=tuple(option), state=False)
        # CLEARING where an entity has no external resources (no value, no cash)
        poor = f.fresh("entity")
        self.r.call("PUT", "/api/v1/exposure/entities/" + poor, json.dumps(
            {"name": "Poor", "kind": "PRIVATE"}))
        self.r.call("POST", "/api/v1/exposure/edges", json.dumps(edge_body(f.fresh("edge"), poor, f.entity_a,
                                                                           amountUsd=5e9)))
        self.r.call("POST", "/api/v1/exposure/edges", json.dumps(edge_body(f.fresh("edge"), f.entity_a, poor,
                                                                           amountUsd=1e-3)))
        for model in ("CLEARING", "DEBTRANK", "CROSS_HOLDINGS"):
            for entity in (poor, f.entity_a):
                body = {"model": model, "asOf": "2100-01-01", "shocks": [{"entity": entity, "valueChange": -1}]}
                self.write("stress", "%s zero external resources, shock %s" % (model, "poor" if entity == poor
                                                                                 else "its creditor"),
                           "POST", path, json.dumps(body), "answered", state=False)
            self.read("stress", "lookthrough of an entity without a value (%s)" % model,
                      "/api/v1/exposure/lookthrough?asOf=2100-01-01&target=" + poor, "answered")
        self.read("stress", "loops with the valueless entity", "/api/v1/exposure/loops?asOf=2100-01-01", "ok")

    # --- baskets: performance and compare ------------------------------------------------------------------------

    def baskets(self):
        f = self.f
        b = f.basket
        reads = [
            ("compare a basket with itself", "/api/v1/compare?a=%s&b=%s&from=2025-10-01&to=2025-10-30" % (b, b), "ok"),
            ("compare with itself, TOTAL", "/api/v1/compare?a=%s&b=%s&returnType=TOTAL" % (b, b), "ok"),
            ("performance of a single day", "/api/v1/baskets/%s/performance?from=2025-10-06&to=2025-10-06" % b,
             "answered"),
            ("performance on a weekend", "/api/v1/baskets/%s/performance?from=2025-10-04&to=2025-10-05" % b,
             "answered"),
            ("performance before the base date", "/api/v1/baskets/%s/performance?from=2020-01-01&to=2020-12-31" % b,
             "answered"),
            ("performance to 2100", "/api/v1/baskets/%s/performance?from=2025-10-01&to=2100-12-31" % b, "answered"),
            ("performance benchmark itself", "/api/v1/baskets/%s/performance?benchmark=%s" % (b, b), "answered"),
            ("performance returnType lower case", "/api/v1/baskets/%s/performance?returnType=total" % b, "answered"),
            ("performance returnType NET", "/api/v1/baskets/%s/performance?returnType=NET" % b, "refused"),
            ("performance from 2025-10-1", "/api/v1/baskets/%s/performance?from=2025-10-1" % b, "refused"),
            ("performance to 2025-02-29", "/api/v1/baskets/%s/performance?to=2025-02-29" % b, "refused"),
            ("compare a with an empty b", "/api/v1/compare?a=%s&b=" % b, "refused"),
            ("compare without b", "/api/v1/compare?a=%s" % b, "refused"),
            ("compare to before from", "/api/v1/compare?a=%s&b=%s&from=2025-10-30&to=2025-10-01" % (b, b),
             "refused"),
            ("compare of a deleted basket", "/api/v1/compare?a=%s&b=trial-deleted-%s" % (b, f.tag.lower()),
             "refused"),
        ]
        for name, path, expect in reads:
            answer = self.read("baskets", name, path, expect)
            if name.startswith("compare a basket with itself") and answer.status == 200:
                for point in (answer.json() or {}).get("series", []):
                    if point.get("spread") != 0 or point.get("ratio") != 1:
                        self.t.fail("baskets / " + name, "point %s" % point)
                        break
        # a basket whose member has no price at its base date
        basket = f.fresh("basket")
        self.r.call("POST", "/api/v1/baskets", json.dumps(
            {"id": basket, "name": "Late", "currency": "USD", "baseDate": "2025-12-15",
             "members": [{"symbol": f.symbol}]}))
        self.read("baskets", "performance of a basket whose member has no price after its base date",
                  "/api/v1/baskets/%s/performance" % basket, "answered")
        self.read("baskets", "compare of that basket", "/api/v1/compare?a=%s&b=%s" % (basket, b), "answered")
        # an FX basket (EUR) of a USD member without FX rates
        basket = f.fresh("basket")
        self.r.call("POST", "/api/v1/baskets", json.dumps(
            {"id": basket, "name": "EUR", "currency": "EUR", "baseDate": "2025-10-01",
             "members": [{"symbol": f.symbol}]}))
        self.read("baskets", "performance in EUR of a USD member", "/api/v1/baskets/%s/performance" % basket,
                  "answered")
        # a basket with a member whose bars are all the same price: zero volatility, Sharpe undefined
        flat = f.fresh("symbol")
        self.r.call("PUT", "/api/v1/instruments/" + flat, json.dumps(
            {"name": "Flat", "currency": "USD", "exchange": "X", "kind": "EQUITY"}))
        self.r.call("POST", "/api/v1/prices/bars", json.dumps([bar(flat, "2025-10-%02d" % d, 10)
                                                                for d in range(1, 31)]))
        basket = f.fresh("basket")
        self.r.call("POST", "/api/v1/baskets", json.dumps(
            {"id": basket, "name": "Flat", "currency": "USD", "baseDate": "2025-10-01",
             "members": [{"symbol": flat}]}))
        for params in ("", "?benchmark=" + basket, "?benchmark=" + b, "?riskFreeRate=0.25"):
            self.read("baskets", "performance of a flat basket %s" % params,
                      "/api/v1/baskets/%s/performance%s" % (basket, params), "answered")
        self.read("baskets", "compare flat with flat", "/api/v1/compare?a=%s&b=%s" % (basket, basket), "ok")
        # extreme but legal prices: MIN_PRICE then MAX_PRICE
        wild = f.fresh("symbol")
        self.r.call("PUT", "/api/v1/instruments/" + wild, json.dumps(
            {"name": "Wild", "currency": "USD", "exchange": "X", "kind": "EQUITY"}))
        self.r.call("POST", "/api/v1/prices/bars", json.dumps(
            [{"symbol": wild, "date": "2025-10-%02d" % d, "open": p, "high": p, "low": p, "close": p, "volume": 1}
             for d, p in ((1, 1e-6), (2, 1e7), (3, 1e-6), (6, 1e7), (7, 1e-6), (8, 1e7))]))
        basket = f.fresh("basket")
        self.r.call("POST", "/api/v1/baskets", json.dumps(
            {"id": basket, "name": "Wild", "currency": "USD", "baseDate": "2025-10-01", "baseValue": 1e9,
             "members": [{"symbol": wild}]}))
        for returns in ("PRICE", "TOTAL"):
            self.read("baskets", "performance of 1e-6/1e7 swings, base value 1e9, %s" % returns,
                      "/api/v1/baskets/%s/performance?returnType=%s" % (basket, returns), "answered")
        self.read("baskets", "compare wild with the fixture", "/api/v1/compare?a=%s&b=%s" % (basket, b), "answered")
        self.read("baskets", "compare fixture with wild", "/api/v1/compare?a=%s&b=%s" % (b, basket), "answered")
        for params in ("symbols=%s,%s" % (wild, wild), "symbols=%s,,%s" % (wild, f.symbol),
                       "symbols=" + ",".join([wild] * 2000)):
            self.read("baskets", "latest %s" % params[:40], "/api/v1/prices/latest?" + params, "answered",
                      fields=() if len(params) > 8000 else ("symbols",))
        for name, path in (("ticks of a day in reverse", "/api/v1/prices/%s/ticks?from=2025-10-31T00:00:00Z"
                                                         "&to=2025-10-01T00:00:00Z" % f.symbol),
                           ("minute bars with a local time", "/api/v1/prices/%s/minute-bars?from=2025-10-30T10:00:00"
                                                             % f.symbol),
                           ("minute bars pageToken forged", "/api/v1/prices/%s/minute-bars?pageToken=%s"
                            % (f.symbol, base64.urlsafe_b64encode(b'{"after":"x"}').decode())),
                           ("ticks pageToken of 5000 chars", "/api/v1/prices/%s/ticks?pageToken=%s"
                            % (f.symbol, "A" * 5000)),
                           ("baskets pageToken forged", "/api/v1/baskets?pageToken=" +
                            base64.urlsafe_b64encode(b"\x00\xff" * 10).decode()),
                           ("edges pageToken of another list", "/api/v1/exposure/edges?pageToken=" +
                            base64.urlsafe_b64encode(b"trial").decode())):
            self.read("baskets", name, path, "refused", fields=("from", "to", "pageToken"))

    # --- SSE ------------------------------------------------------------------------------------------------------

    def sse(self):
        f = self.f
        ids = ["garbage", "", "-1", "abc-999999999999999999999", "x" * 10000, "0-0", "\u202e1-1", "1-1\r\nevil: 1",
               "%00", "9223372036854775807-9223372036854775807"]
        for last in ids:
            for path in ("/api/v1/stream/prices?symbols=" + f.symbol, "/api/v1/stream/baskets/" + f.basket):
                label = self.t.case("sse", "%s with Last-Event-ID %r" % (path.split("/")[4], last[:30]))
                header = last.encode("utf-8").decode("latin-1")
                if "\r\n" in header:
                    answer = self.r.call("GET", path + "&lastEventId=" + urllib.parse.quote(last)
                                         if "?" in path else path + "?lastEventId=" + urllib.parse.quote(last),
                                         read_limit=2.0)
                else:
                    answer = self.r.call("GET", path, headers={"Last-Event-ID": header}, read_limit=2.0)
                self.t.check(label, answer, "answered", request="GET %s Last-Event-ID %r" % (path, last[:40]))
        for name, path in (("symbols empty", "/api/v1/stream/prices?symbols="),
                           ("symbols with a zero-width space", "/api/v1/stream/prices?symbols=" +
                            urllib.parse.quote(f.symbol + "\u200b")),
                           ("2000 symbols", "/api/v1/stream/prices?symbols=" + ",".join([f.symbol] * 2000)),
                           ("basket id with a RTL override", "/api/v1/stream/baskets/" +
                            urllib.parse.quote(f.basket + "\u202e")),
                           ("basket id of 5000 chars", "/api/v1/stream/baskets/" + "a" * 5000)):
            label = self.t.case("sse", name)
            answer = self.r.call("GET", path, read_limit=2.0)
            self.t.check(label, answer, "answered", request="GET " + path[:100])
            if answer.status == 200 and "symbols" in name and name != "2000 symbols":
                self.t.fail(label, "a stream opened for a malformed symbol list")

    # --- tokens ---------------------------------------------------------------------------------------------------

    def tokens(self):
        f = self.f
        admin = self.r.tokens["admin"]
        viewer = self.r.tokens["viewer"]
        forged = {
            "alg none": resign(admin, header_change={"alg": "none"}, signature=""),
            "alg none with the old signature": resign(admin, header_change={"alg": "none"}),
            "viewer raised to admin": resign(viewer, payload_change={"groups": ["admin"]}),
            "wrong key": openssl_signed(admin, {}),
            "HS256 keyed with the public key": hs256_with_public_key(admin),
            "expired": self.r.tokens.get("expired", ""),
            "audience capflow-internal": self.r.tokens.get("internal", ""),
            "audience changed": resign(admin, payload_change={"aud": "someone-else"}),
            "issuer changed": resign(admin, payload_change={"iss": "evil"}),
            "exp far future, resigned nothing": resign(admin, payload_change={"exp": 32503680000}),
            "kid path traversal": resign(admin, header_change={"kid": "../../../../dev/null"}),
            "jku to a foreign key set": resign(admin, header_change={"jku": "http://127.0.0.1:1/keys"}),
            "two signatures": admin + "." + admin.split(".")[2],
            "signature stripped": admin.rsplit(".", 1)[0] + ".",
            "10 KB of junk": "a" * 10000,
            "payload not JSON": admin.split(".")[0] + "." + b64url(b"not json") + "." + admin.split(".")[2],
        }
        for name, token in forged.items():
            basket = f.fresh("basket")
            body = json.dumps({"id": basket, "name": "T", "currency": "USD", "baseDate": "2025-10-01",
                               "members": [{"symbol": "NVDA"}]})
            self.write("tokens", "write with %s" % name, "POST", "/api/v1/baskets", body, 401, token=token,
                       absent=("/api/v1/baskets/" + basket,))
            self.read("tokens", "read with %s" % name, "/api/v1/baskets/" + f.basket, 401, token=token)
        for name, header in (("lower-case bearer", "bearer " + admin), ("two spaces", "Bearer  " + admin),
                             ("Basic scheme", "Basic " + base64.b64encode(b"admin:admin").decode()),
                             ("token twice", "Bearer %s, Bearer %s" % (viewer, admin)),
                             ("trailing junk", "Bearer " + admin + " junk")):
            basket = f.fresh("basket")
            body = json.dumps({"id": basket, "name": "T", "currency": "USD", "baseDate": "2025-10-01",
                               "members": [{"symbol": "NVDA"}]})
            answer = self.write("tokens", "write with %s" % name, "POST", "/api/v1/baskets", body, "answered",
                                token=None, headers={"Authorization": header})
            if name not in ("lower-case bearer",) and answer.status < 300:
                self.t.fail("tokens / write with %s" % name, "accepted with %d" % answer.status)
        for role, method, path, body in (
                ("viewer", "POST", "/api/v1/baskets", {"id": f.fresh("basket"), "name": "T", "currency": "USD",
                                                       "baseDate": "2025-10-01", "members": [{"symbol": "NVDA"}]}),
                ("analyst", "POST", "/api/v1/prices/bars", [bar(f.symbol, "2025-11-10", 10)]),
                ("ingest", "PUT", "/api/v1/exposure/entities/" + f.fresh("entity"), entity_body()),
                ("viewer", "POST", "/api/v1/exposure/edges", edge_body(f.fresh("edge"), f.entity_b, f.entity_c)),
                ("analyst", "POST", "/api/v1/corporate-actions", {"symbol": f.symbol, "exDate": "2025-10-17",
                                                                  "kind": "SPLIT", "ratio": 2}),
                ("viewer", "DELETE", "/api/v1/baskets/" + f.basket, None)):
            self.write("tokens", "%s tries %s %s" % (role, method, path.split("/api/v1/")[1][:30]), method, path,
                       None if body is None else json.dumps(body), 403, token=role)
        self.read("tokens", "token in the query string", "/api/v1/baskets?access_token=" + admin, "refused",
                  token=None, fields=("access_token",))


def race(call, n):
    return race_indexed(lambda _: call(), n)


def race_indexed(call, n):
    answers = [None] * n
    barrier = threading.Barrier(n)

    def run(i):
        barrier.wait()
        answers[i] = call(i)
    threads = [threading.Thread(target=run, args=(i,)) for i in range(n)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return answers


# ---------------------------------------------------------------------------------------------------------------------
# gRPC cases


class Grpc:
    """Generic gRPC calls on requests built from the contracts' descriptor set (no generated stubs)."""

    def __init__(self, trial, host, ports, tokens):
        import grpc
        from google.protobuf import descriptor_pb2, descriptor_pool, json_format, message_factory
        self.grpc, self.json_format = grpc, json_format
        self.t, self.tokens = trial, tokens
        descriptor = os.path.join(ROOT, "proto", "target", "classes", "capflow", "capflow-api.binpb")
        files = descriptor_pb2.FileDescriptorSet()
        with open(descriptor, "rb") as handle:
            files.ParseFromString(handle.read())
        self.pool = descriptor_pool.DescriptorPool()
        for file in files.file:
            self.pool.Add(file)
        self.factory = message_factory.MessageFactory(self.pool)
        self.channels = {name: grpc.insecure_channel("%s:%d" % (host, port),
                                                     options=[("grpc.max_receive_message_length", 64 << 20),
                                                              ("grpc.max_send_message_length", 64 << 20)])
                         for name, port in ports.items()}
        self.services = {"ingest": "capflow.ingest.v1.IngestService", "basket": "capflow.basket.v1.BasketService",
                         "exposure": "capflow.exposure.v1.ExposureService"}

    def method(self, service, name):
        return self.pool.FindServiceByName(self.services[service]).FindMethodByName(name)

    def request(self, service, name, fields):
        method = self.method(service, name)
        message = self.factory.GetPrototype(method.input_type)()
        self.json_format.ParseDict(proto_json(fields), message)
        return message.SerializeToString()

    def call(self, service, name, payload, token="admin", timeout=10.0, stream_items=None, cancel_after=None):
        """payload: request bytes (a list of them for client streams). Answers (code, details, [bytes], seconds)."""
        method = self.method(service, name)
        path = "/%s/%s" % (self.services[service], name)
        channel = self.channels[service]
        metadata = [] if token is None else [("authorization", "Bearer " + self.tokens.get(token, token))]
        started = time.monotonic()
        identity = lambda b: b  # noqa: E731 - bytes go through as they are
        try:
            if method.client_streaming and method.server_streaming:
                call = channel.stream_stream(path, request_serializer=identity, response_deserializer=identity)
                responses = call(iter(payload), metadata=metadata, timeout=timeout)
            elif method.server_streaming:
                call = channel.unary_stream(path, request_serializer=identity, response_deserializer=identity)
                responses = call(payload, metadata=metadata, timeout=timeout)
            elif method.client_streaming:
                call = channel.stream_unary(path, request_serializer=identity, response_deserializer=identity)
                responses = [call(iter(payload), metadata=metadata, timeout=timeout)]
            else:
                call = channel.unary_unary(path, request_serializer=identity, response_deserializer=identity)
                responses = [call(payload, metadata=metadata, timeout=timeout)]
            out = []
            for item in responses:
                out.append(item)
                if cancel_after is not None and len(out) >= cancel_after:
                    responses.cancel()
                    return "CANCELLED", "", out, time.monotonic() - started
                if stream_items is not None and len(out) >= stream_items:
                    responses.cancel()
                    break
            return "OK", "", out, time.monotonic() - started
        except self.grpc.RpcError as error:
            details = error.details() or ""
            trailers = dict(error.trailing_metadata() or ())
            fields = bad_request_fields(trailers.get("grpc-status-details-bin", b""))
            return error.code().name, details + (" fields=%s" % fields if fields else ""), fields, \
                time.monotonic() - started

    def check(self, label, result, expect="answered", fields=(), limit=SLOW_SECONDS):
        code, details, out, seconds = result
        problems = []
        if seconds > limit:
            problems.append("answered in %.1f s" % seconds)
        if code in ("INTERNAL", "UNKNOWN", "DATA_LOSS", "UNIMPLEMENTED"):
            problems.append("%s: %s" % (code, details[:300]))
        elif expect == "refused" and code == "OK":
            problems.append("accepted")
        elif expect not in ("answered", "refused") and code != expect:
            problems.append("%s, expected %s: %s" % (code, expect, details[:200]))
        if code == "INVALID_ARGUMENT" and fields:
            named = set()
            for field in out:
                named.add(field)
                named.update(re.sub(r"\[\d+\]", "", segment) for segment in field.split("."))
            if not any(field in named for field in fields):
                problems.append("does not name %s (%s)" % ("/".join(fields), details[:200]))
        if code == "OK":
            for item in out:
                bad = non_finite_doubles(item)
                if bad:
                    problems.append("non-finite double at field path %s" % bad[:5])
                    break
        for problem in problems:
            self.t.fail(label, problem)


def proto_json(value):
    """Non-finite floats spelled as proto3 JSON spells them ("NaN", "Infinity", "-Infinity")."""
    if isinstance(value, dict):
        return {key: proto_json(item) for key, item in value.items()}
    if isinstance(value, list):
        return [proto_json(item) for item in value]
    if isinstance(value, float) and (value != value or value in (float("inf"), float("-inf"))):
        return "NaN" if value != value else ("Infinity" if value > 0 else "-Infinity")
    return value


def read_varint(data, i):
    shift = result = 0
    while True:
        byte = data[i]
        i += 1
        result |= (byte & 0x7F) << shift
        shift += 7
        if not byte & 0x80:
            return result, i


def wire_fields(data):
    """(number, wire type, value) of a protobuf message, or None when the bytes are not one."""
    fields, i = [], 0
    try:
        while i < len(data):
            key, i = read_varint(data, i)
            number, wire = key >> 3, key & 7
            if number == 0:
                return None
            if wire == 0:
                value, i = read_varint(data, i)
            elif wire == 1:
                value, i = data[i:i + 8], i + 8
                if len(value) < 8:
                    return None
            elif wire == 2:
                length, i = read_varint(data, i)
                value, i = data[i:i + length], i + length
                if len(value) < length:
                    return None
            elif wire == 5:
                value, i = data[i:i + 4], i + 4
            else:
                return None
            fields.append((number, wire, value))
    except IndexError:
        return None
    return fields


def non_finite_doubles(data, path="", depth=0):
    """Field paths of 64-bit fields holding NaN or +-Infinity (every double of these contracts), searched through
    every nested message."""
    found = []
    fields = wire_fields(data) if depth < 12 else None
    for number, wire, value in fields or ():
        where = "%s.%d" % (path, number)
        if wire == 1:
            (double,) = struct.unpack("<d", value)
            if double != double or double in (float("inf"), float("-inf")):
                found.append(where)
        elif wire == 2 and value:
            text = None
            try:
                text = value.decode("utf-8")
            except UnicodeDecodeError:
                pass
            if text is not None and text.strip().lower() in NON_FINITE_WORDS:
                found.append(where)
            found += non_finite_doubles(value, where, depth + 1)
    return found


def bad_request_fields(status_bytes):
    """The field names of a google.rpc.Status's BadRequest details."""
    names = []
    for number, wire, value in wire_fields(status_bytes) or ():
        if number == 3 and wire == 2:
            any_fields = dict((n, v) for n, w, v in wire_fields(value) or ())
            if b"BadRequest" in any_fields.get(1, b""):
                for n, w, violation in wire_fields(any_fields.get(2, b"")) or ():
                    field = dict((k, v) for k, ww, v in wire_fields(violation) or ()).get(1, b"")
                    names.append(field.decode("utf-8", "replace"))
    return names


class GrpcCases:
    def __init__(self, trial, grpc_client, fixture):
        self.t, self.g, self.f = trial, grpc_client, fixture

    def run(self, service, name, fields, expect="answered", named=(), token="admin", raw=None, label=None,
            timeout=10.0, category="grpc", **kwargs):
        label = self.t.case(category, label or "%s.%s %s" % (service, name, json.dumps(fields)[:80]))
        method = self.g.method(service, name)
        payload = raw if raw is not None else self.g.request(service, name, fields)
        if method.client_streaming and not isinstance(payload, list):
            payload = [payload]
        result = self.g.call(service, name, payload, token=token, timeout=timeout, **kwargs)
        self.g.check(label, result, expect, named)
        return result

    def rejected(self, service, name, result, field, label):
        """An OK answer of a batch write must report the one record rejected, naming the field."""
        code, _, out, _ = result
        if code != "OK" or not out:
            return
        answer = self.g.factory.GetPrototype(self.g.method(service, name).output_type)()
        answer.ParseFromString(out[0])
        named = [r.field for r in answer.report.rejected]
        if answer.report.accepted or not any(re.sub(r"\[\d+\]", "", f).split(".")[-1] == field for f in named):
            self.t.fail("grpc / " + label, "report %s" % str(answer.report).replace("\n", " ")[:200])

    def all(self):
        f = self.f
        methods = [(service, m.name) for service, full in self.g.services.items()
                   for m in self.g.pool.FindServiceByName(full).methods]
        for service, name in methods:
            method = self.g.method(service, name)
            streams_forever = name in ("SubscribePrices", "WatchBasket")
            extra = {"stream_items": 1, "timeout": 2.0} if streams_forever else {}
            expect_empty = "answered"
            self.run(service, name, {}, expect_empty, label="%s.%s empty request" % (service, name),
                     **({"timeout": 2.0} if streams_forever else {}))
            self.run(service, name, {}, "UNAUTHENTICATED", token=None,
                     label="%s.%s without a token" % (service, name), **extra)
            self.run(service, name, {}, "UNAUTHENTICATED", token=resign(self.g.tokens["admin"],
                                                                      header_change={"alg": "none"}, signature=""),
                     label="%s.%s with an alg:none token" % (service, name), **extra)
            self.run(service, name, {}, "UNAUTHENTICATED", token="expired",
                     label="%s.%s with an expired token" % (service, name), **extra)
            garbage = b"\xff\xff\xff\xff\x0f\x12\x80"
            self.run(service, name, {}, "INVALID_ARGUMENT", raw=garbage,
                     label="%s.%s with bytes that are no protobuf" % (service, name), **extra)
            self.run(service, name, {}, "answered", raw=b"\xf8\x3e\x01" + b"\xfa\x3e\x03abc",
                     label="%s.%s with unknown fields only" % (service, name),
                     **({"timeout": 2.0} if streams_forever else {}))
            result = self.run(service, name, {}, "answered", timeout=0.001,
                              label="%s.%s with a 1 ms deadline" % (service, name))
            del result
        i, b, e = "ingest", "basket", "exposure"
        nan, inf = float("nan"), float("inf")
        bad_bar = dict(symbol=f.symbol, date="2025-11-12", open=10, high=11, low=9, close=10, volume=1)
        for field, value in (("open", nan), ("high", inf), ("low", -inf), ("close", -0.0), ("close", 5e-324),
                             ("volume", -1), ("date", "2025-11-31"), ("date", ""), ("symbol", ""),
                             ("symbol", "\u202eNVDA")):
            bar_fields = dict(bad_bar, **{field: value})
            result = self.run(i, "IngestBars", {"bars": [bar_fields]}, "answered",
                              label="ingest.IngestBars %s=%r" % (field, value))
            self.rejected(i, "IngestBars", result, field, "ingest.IngestBars %s=%r" % (field, value))
        self.run(i, "IngestBars", {"bars": [bad_bar], "mode": 7}, "refused", named=("mode",),
                 label="ingest.IngestBars mode 7")
        self.run(i, "IngestBars", {"bars": [dict(bad_bar, date="2025-11-%02d" % (1 + d % 28)) for d in range(120000)]},
                 "refused", label="ingest.IngestBars 120000 bars", timeout=10.0)
        self.run(i, "GetLatestPrices", {"symbols": ["NVDA"] * 200000}, "refused", named=("symbols",),
                 label="ingest.GetLatestPrices 200000 symbols")
        self.run(i, "GetBarsBatch", {"symbols": [f.symbol] * 5000, "from": "1900-01-01", "to": "2100-12-31"},
                 "answered", named=("symbols",), label="ingest.GetBarsBatch 5000 copies of one symbol")
        self.run(i, "GetBars", {"symbol": f.symbol, "from": "2025-10-31", "to": "2025-10-01"}, "refused",
                 named=("from", "to"), label="ingest.GetBars from after to")
        self.run(i, "GetBars", {"symbol": f.symbol, "adjustment": 42}, "refused", named=("adjustment",),
                 label="ingest.GetBars adjustment 42")
        self.run(i, "GetTicks", {"symbol": f.symbol, "from": "0001-01-01T00:00:00Z", "to": "9999-12-31T23:59:59Z",
                                 "pageSize": -5}, "refused", named=("page_size",), label="ingest.GetTicks pageSize -5")
        self.run(i, "GetMinuteBars", {"symbol": f.symbol, "pageSize": 2147483647}, "refused", named=("page_size",),
                 label="ingest.GetMinuteBars pageSize max int")
        self.run(i, "ListInstruments", {"kind": 99}, "refused", named=("kind",), label="ingest.ListInstruments kind 99")
        self.run(i, "ListInstruments", {"symbols": ["\u0000"]}, "refused", named=("symbols",),
                 label="ingest.ListInstruments symbol NUL")
        self.run(i, "UpsertInstrument", {"instrument": {"symbol": f.fresh("symbol"), "name": "G", "currency": "USD",
                                                        "exchange": "X", "kind": 9}}, "refused", named=("kind",),
                 label="ingest.UpsertInstrument kind 9")
        self.run(i, "UpsertInstrument", {"instrument": {"symbol": f.fresh("symbol"), "name": "G", "currency": "USD",
                                                        "exchange": "X", "kind": 1, "sharesOutstanding": "-5"}},
                 "refused", named=("shares_outstanding",), label="ingest.UpsertInstrument sharesOutstanding -5")
        self.run(i, "UpsertInstrument", {"instrument": {"symbol": f.symbol2, "name": "G", "currency": "USD",
                                                        "exchange": "X", "kind": 1}, "expectedVersion": "-1"},
                 "refused", named=("expected_version",), label="ingest.UpsertInstrument expectedVersion -1")
        for field, value in (("ratio", nan), ("ratio", inf), ("amount", nan), ("kind", 5), ("exDate", "")):
            action = {"symbol": f.symbol, "exDate": "2025-10-20", "kind": 1 if field != "amount" else 2,
                      "ratio": 2 if field != "amount" else 0}
            if field == "amount":
                action.pop("ratio")
            action[field] = value
            self.run(i, "AddCorporateAction", {"action": action}, "refused",
                     named=({"exDate": "ex_date"}.get(field, field),),
                     label="ingest.AddCorporateAction %s=%r" % (field, value))
        self.run(i, "DeleteCorporateAction", {"symbol": f.symbol, "exDate": "2025-10-20", "kind": 9}, "refused",
                 named=("kind",), label="ingest.DeleteCorporateAction kind 9")
        self.run(i, "ImportCsv", {"symbol": f.symbol, "content": base64.b64encode(b"\x00" * 1000).decode(),
                                  "layout": 1}, "answered", label="ingest.ImportCsv 1000 NUL bytes")
        self.run(i, "ImportCsv", {"symbol": f.symbol, "content": base64.b64encode(b"a,b\n1,2\n").decode(),
                                  "layout": 77}, "refused", named=("layout",), label="ingest.ImportCsv layout 77")
        ticks = [self.g.request(i, "IngestTicks", {"sequence": n, "ticks": [
            {"symbol": f.symbol, "ts": "2025-10-30T17:%02d:00Z" % n, "price": nan if n == 1 else 10,
             "tradeId": "g%d" % n}]}) for n in range(3)]
        self.run(i, "IngestTicks", {}, "answered", raw=ticks, label="ingest.IngestTicks with a NaN price in batch 1")
        self.run(i, "IngestTicks", {}, "answered", raw=ticks[:1] * 3,
                 label="ingest.IngestTicks with one sequence three times")
        self.run(i, "IngestTicks", {}, "answered", raw=ticks, cancel_after=1,
                 label="ingest.IngestTicks cancelled after the first answer")
        self.run(i, "ImportBars", {}, "answered", raw=[self.g.request(i, "ImportBars", {"sequence": 5, "bars": [
            bad_bar]}), self.g.request(i, "ImportBars", {"sequence": 4, "bars": [bad_bar]})],
                 label="ingest.ImportBars sequences going back")
        self.run(i, "SubscribePrices", {"symbols": ["\u200b"]}, "refused", named=("symbols",), stream_items=1,
                 timeout=2.0, label="ingest.SubscribePrices zero-width symbol")
        self.run(i, "SubscribePrices", {"symbols": [f.symbol] * 100000}, "answered", stream_items=1, timeout=2.0,
                 label="ingest.SubscribePrices 100000 copies of one symbol")
        # basket
        basket = {"id": f.fresh("basket"), "name": "G", "currency": "USD", "baseDate": "2025-10-01",
                  "weighting": 1, "rebalance": 1, "members": [{"symbol": "NVDA"}]}
        for field, value in (("baseValue", nan), ("baseValue", inf), ("weighting", 9),
                             ("rebalance", -1), ("members", [{"symbol": "NVDA", "weight": nan}]),
                             ("members", [{"symbol": "NVDA", "weight": inf}]),
                             ("members", [{"symbol": "NVDA"}] * 100000), ("baseDate", "2025-02-29"),
                             ("currency", "\u0000SD")):
            body = dict(basket, **{field: value})
            body["id"] = f.fresh("basket")
            expected_name = {"baseValue": "base_value", "baseDate": "base_date"}.get(field, field)
            self.run(b, "CreateBasket", {"basket": body}, "refused",
                     named=(expected_name, "weight", "symbol"),
                     label="basket.CreateBasket %s=%s" % (field, repr(value)[:40]))
        self.run(b, "CreateBasket", {"basket": dict(basket, id=f.fresh("basket")), "requestId": "x" * 100000},
                 "refused", named=("request_id",), label="basket.CreateBasket requestId of 100000 chars")
        self.run(b, "GetPerformance", {"basketId": f.basket, "riskFreeRate": nan}, "refused",
                 named=("risk_free_rate",), label="basket.GetPerformance riskFreeRate NaN")
        self.run(b, "GetPerformance", {"basketId": f.basket, "riskFreeRate": inf}, "refused",
                 named=("risk_free_rate",), label="basket.GetPerformance riskFreeRate Infinity")
        self.run(b, "GetPerformance", {"basketId": f.basket, "returnType": 3}, "refused", named=("return_type",),
                 label="basket.GetPerformance returnType 3")
        self.run(b, "GetPerformance", {"basketId": f.basket}, "answered",
                 label="basket.GetPerformance without a benchmark (beta undefined)")
        self.run(b, "Compare", {"basketIdA": f.basket, "basketIdB": f.basket}, "answered",
                 label="basket.Compare a basket with itself")
        self.run(b, "DeleteBasket", {"basketId": f.basket, "expectedVersion": "-3"}, "refused",
                 named=("expected_version",), label="basket.DeleteBasket expectedVersion -3")
        self.run(b, "UpdateBasket", {"basket": dict(basket, id=f.basket), "expectedVersion": "999"}, "ABORTED",
                 label="basket.UpdateBasket expectedVersion 999")
        self.run(b, "WatchBasket", {"basketId": "\u202e" + f.basket}, "refused", named=("basket_id",),
                 stream_items=1, timeout=2.0, label="basket.WatchBasket RTL override id")
        self.run(b, "ListBaskets", {"pageSize": -1}, "refused", named=("page_size",),
                 label="basket.ListBaskets pageSize -1")
        # exposure
        for field, value in (("amountUsd", nan), ("amountUsd", inf), ("share", nan), ("amountLowUsd", -inf),
                             ("capacityGw", nan), ("kind", 17), ("confidence", 9), ("capacityKind", 8),
                             ("to", "")):
            edge = {"id": f.fresh("edge"), "from": f.entity_b, "to": f.entity_c, "kind": 2, "amountUsd": 1e6,
                    "asOf": "2025-06-30", "source": "trial", "confidence": 3}
            edge[field] = value
            snake = re.sub(r"([a-z])([A-Z])", r"\1_\2", field).lower()
            self.run(e, "CreateEdge", {"edge": edge}, "refused", named=(snake,),
                     label="exposure.CreateEdge %s=%r" % (field, value))
        for field, value in (("valuationUsd", nan), ("revenueUsd", inf), ("cashUsd", -inf), ("kind", 12)):
            entity = {"id": f.fresh("entity"), "name": "G", "kind": 2}
            entity[field] = value
            snake = re.sub(r"([a-z])([A-Z])", r"\1_\2", field).lower()
            self.run(e, "CreateEntity", {"entity": entity}, "refused", named=(snake,),
                     label="exposure.CreateEntity %s=%r" % (field, value))
        for model in (1, 2, 3):
            for change, expect in ((nan, "refused"), (inf, "refused"), (-inf, "refused"), (-0.0, "answered")):
                self.run(e, "Stress", {"model": model, "asOf": "2100-01-01",
                                       "shocks": [{"entity": f.entity_a, "valueChange": change}]}, expect,
                         named=("value_change",), label="exposure.Stress model %d valueChange %r" % (model, change))
            for option, value in (("theta", nan), ("beta", inf), ("alpha", nan), ("horizonYears", inf),
                                  ("clearingBeta", nan)):
                self.run(e, "Stress", {"model": model, "asOf": "2100-01-01", "options": {option: value},
                                       "shocks": [{"entity": f.entity_a, "valueChange": -0.5}]}, "refused",
                         named=(re.sub(r"([a-z])([A-Z])", r"\1_\2", option).lower(),),
                         label="exposure.Stress model %d %s %r" % (model, option, value))
        self.run(e, "Stress", {"model": 9, "shocks": [{"entity": f.entity_a, "valueChange": -0.5}]}, "refused",
                 named=("model",), label="exposure.Stress model 9")
        self.run(e, "Stress", {"model": 2, "shocks": [{"entity": f.entity_a, "valueChange": -0.5}] * 50000},
                 "refused", named=("shocks", "entity"), label="exposure.Stress 50000 copies of one shock")
        self.run(e, "ListLoops", {"minUsd": nan}, "refused", named=("min_usd",), label="exposure.ListLoops minUsd NaN")
        self.run(e, "ListLoops", {"minUsd": inf}, "refused", named=("min_usd",),
                 label="exposure.ListLoops minUsd Infinity")
        self.run(e, "ListLoops", {"maxLength": 2147483647, "limit": 2147483647}, "answered",
                 label="exposure.ListLoops maxLength and limit max int")
        self.run(e, "LookThrough", {"target": f.entity_a, "amounts": 9}, "refused", named=("amounts",),
                 label="exposure.LookThrough amounts 9")
        self.run(e, "GetEntity", {"entityId": f.entity_a, "knownAt": "0001-01-01T00:00:00Z"}, "answered",
                 label="exposure.GetEntity knownAt year 1")
        self.run(e, "DeleteEdge", {"edgeId": f.edge, "validTo": "1900-02-30"}, "refused", named=("valid_to",),
                 label="exposure.DeleteEdge validTo 1900-02-30")
        self.run(e, "UpdateEntity", {"entity": {"id": f.entity_b, "name": "G", "kind": 2, "valuationUsd": 1e9,
                                                "valuationAsOf": "2025-06-30", "valuationSource": "trial"},
                                     "expectedVersion": "9223372036854775807"}, "ABORTED",
                 label="exposure.UpdateEntity expectedVersion max long")
        # a viewer may not write
        self.run(b, "CreateBasket", {"basket": dict(basket, id=f.fresh("basket"))}, "PERMISSION_DENIED",
                 token="viewer", label="basket.CreateBasket as viewer")
        self.run(e, "CreateEdge", {"edge": {"id": f.fresh("edge"), "from": f.entity_b, "to": f.entity_c,
                                            "kind": 2, "amountUsd": 1e6, "asOf": "2025-06-30"}},
                 "PERMISSION_DENIED", token="viewer", label="exposure.CreateEdge as viewer")
        self.run(i, "IngestBars", {"bars": [bad_bar]}, "PERMISSION_DENIED", token="analyst",
                 label="ingest.IngestBars as analyst")


# ---------------------------------------------------------------------------------------------------------------------


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    offset = int(os.environ.get("CAPFLOW_PORT_OFFSET", "0") or 0)
    parser.add_argument("--gateway", default="http://localhost:%d" % (8080 + offset))
    parser.add_argument("--grpc-host", default="127.0.0.1")
    parser.add_argument("--ports", default="%d,%d,%d" % (9081 + offset, 9082 + offset, 9083 + offset),
                        help="ingest,basket,exposure gRPC ports")
    parser.add_argument("--only", help="comma-separated categories: numbers, unicode, shapes, idempotency, csv, "
                                       "actions, graph, stress, baskets, sse, tokens, grpc; the fresh corpus's "
                                       "types, bounds, confusables, paths, methods, headers, streams, conflicts, "
                                       "grpc-extreme")
    parser.add_argument("--seed", type=int, default=None)
    args = parser.parse_args()
    random.seed(args.seed)

    tokens = {role: capflow_token(role) for role in ("admin", "ingest", "analyst", "viewer")}
    tokens["internal"] = capflow_token("admin", "--audience", "capflow-internal")
    tokens["expired"] = capflow_token("admin", "--ttl", "1s")
    expired_at = time.monotonic() + 1
    trial = Trial(args)
    rest = Rest(args.gateway, tokens)
    fixture = Fixture(rest)
    fixture.store()
    only = set(args.only.split(",")) if args.only else None
    cases = RestCases(trial, rest, fixture)
    for category in ("numbers", "unicode", "shapes", "idempotency", "csv", "actions", "graph", "stress", "baskets",
                     "sse", "tokens"):
        if category == "tokens":
            # past the verifiers' clock skew allowance (SmallRye JWT's default is 60 s)
            time.sleep(max(0.0, expired_at + 65 - time.monotonic()))
        if only is None or category in only:
            getattr(cases, {"actions": "corporate_actions"}.get(category, category))()
    from fresh_cases import FreshGrpcCases, FreshRestCases  # it imports this module's helpers
    FreshRestCases(cases).all(only)
    if only is None or {"grpc", "grpc-extreme"} & only:
        ports = dict(zip(("ingest", "basket", "exposure"), (int(p) for p in args.ports.split(","))))
        grpc_cases = GrpcCases(trial, Grpc(trial, args.grpc_host, ports, tokens), fixture)
        if only is None or "grpc" in only:
            grpc_cases.all()
        if only is None or "grpc-extreme" in only:
            FreshGrpcCases(grpc_cases).all()
    # the platform is still up and answering after all of it
    label = trial.case("health", "every service ready after the trial")
    trial.check(label, rest.call("GET", "/q/health/ready", token=None), "ok")

    print()
    print("%-12s %6s %6s" % ("category", "cases", "failed"))
    for category, (count, failed) in sorted(trial.by_category.items()):
        print("%-12s %6d %6d" % (category, count, failed))
    failed_cases = sorted({label for label, _ in trial.failures})
    print("%-12s %6d %6d" % ("total", trial.cases, len(failed_cases)))
    print("fixture tag %s; %d answers of 429 (rate limit) waited out and sent again" % (fixture.tag, rest.rate_limited))
    if failed_cases:
        print("\nfailing cases:")
        for label in failed_cases:
            print("  " + label)
    return 1 if failed_cases else 0


if __name__ == "__main__":
    sys.exit(main())
