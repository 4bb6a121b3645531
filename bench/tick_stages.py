"""The first stage of tick to level, read back from the price stream: for each tick of the newest COUNT entries of each
shard (tick entries or packed ones), the stream entry id's time (when Redis appended it, after ingest-service
validated, stored, committed and published the tick) minus the tick's own timestamp (when the benchmark made its
batch). What remains of tick to level is basket-service's part: reading the shards, coalescing, computing the level
and sending it.

usage: python3 tick_stages.py REDIS_HOST REDIS_PORT KEY_PREFIX SHARDS COUNT SYMBOL_PREFIX
"""

import json
import subprocess
import sys
from datetime import datetime


def entries(host, port, key, count):
    """(id millis, fields) of the newest COUNT entries of KEY (redis-cli --json: packed text holds newlines)."""
    out = subprocess.run(
        ["redis-cli", "-h", host, "-p", port, "--json", "XREVRANGE", key, "+", "-", "COUNT", str(count)],
        check=True, capture_output=True, text=True).stdout
    for entry_id, flat in json.loads(out or "[]"):
        yield int(entry_id.split("-")[0]), dict(zip(flat[::2], flat[1::2]))


def ticks(fields):
    """(symbol, ts) of each tick of a tick entry, or of a packed one (lines of tab-separated symbol, price, size, ts,
    source, trade_id; only escaped text fields can hold a backslash, and a symbol or ts never does)."""
    if "ticks" in fields:
        for line in fields["ticks"].split("\n"):
            values = line.split("\t")
            yield values[0], values[3]
    elif "symbol" in fields and "ts" in fields:
        yield fields["symbol"], fields["ts"]


def millis(iso):
    return datetime.fromisoformat(iso.replace("Z", "+00:00")).timestamp() * 1000


def main(host, port, prefix, shards, count, symbol_prefix):
    delays = sorted(
        appended - millis(ts)
        for shard in range(int(shards))
        for appended, fields in entries(host, port, f"{prefix}:{{{shard}}}", int(count))
        for symbol, ts in ticks(fields)
        if symbol.startswith(symbol_prefix))
    if not delays:
        print("tick made to stream entry: no entries found")
        return
    pct = lambda p: delays[min(len(delays) - 1, int(p * len(delays)))]
    print(f"tick made to stream entry (ingest-service's part), {len(delays):,} newest ticks: "
          f"p50 {pct(0.50):.0f} ms | p99 {pct(0.99):.0f} ms | max {delays[-1]:.0f} ms")


if __name__ == "__main__":
    main(*sys.argv[1:7])
