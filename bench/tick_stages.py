"""The first stage of tick to level, read back from the price stream: for the newest COUNT entries of each shard, the
stream entry id's time (when Redis appended it, after ingest-service validated, stored, committed and published the
tick) minus the tick's own timestamp (when the benchmark made its batch). What remains of tick to level is basket-
service's part: reading the shards, coalescing, computing the level and sending it.

usage: python3 tick_stages.py REDIS_HOST REDIS_PORT KEY_PREFIX SHARDS COUNT SYMBOL_PREFIX
"""

import re
import subprocess
import sys
from datetime import datetime

ENTRY_ID = re.compile(r"^(\d+)-\d+$")


def entries(host, port, key, count):
    """(id millis, fields) of the newest COUNT entries of KEY, from redis-cli's flat --raw output."""
    out = subprocess.run(
        ["redis-cli", "-h", host, "-p", port, "--raw", "XREVRANGE", key, "+", "-", "COUNT", str(count)],
        check=True, capture_output=True, text=True).stdout.splitlines()
    current = None
    for line in out:
        match = ENTRY_ID.match(line)
        if match and (current is None or len(current[2]) % 2 == 0):
            if current:
                yield current[0], dict(zip(current[2][::2], current[2][1::2]))
            current = (int(match.group(1)), line, [])
        elif current:
            current[2].append(line)
    if current:
        yield current[0], dict(zip(current[2][::2], current[2][1::2]))


def millis(iso):
    return datetime.fromisoformat(iso.replace("Z", "+00:00")).timestamp() * 1000


def main(host, port, prefix, shards, count, symbol_prefix):
    delays = sorted(
        appended - millis(fields["ts"])
        for shard in range(int(shards))
        for appended, fields in entries(host, port, f"{prefix}:{{{shard}}}", int(count))
        if fields.get("symbol", "").startswith(symbol_prefix) and "ts" in fields)
    if not delays:
        print("tick made to stream entry: no entries found")
        return
    pct = lambda p: delays[min(len(delays) - 1, int(p * len(delays)))]
    print(f"tick made to stream entry (ingest-service's part), {len(delays):,} newest ticks: "
          f"p50 {pct(0.50):.0f} ms | p99 {pct(0.99):.0f} ms | max {delays[-1]:.0f} ms")


if __name__ == "__main__":
    main(*sys.argv[1:7])
