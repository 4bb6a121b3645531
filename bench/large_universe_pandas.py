#!/usr/bin/env python3
"""The analyst's baseline of bench/large-universe.sh, and the check of capflow's answer against it.

Reads the closes that `psql \\copy` wrote (symbol,date,close, no header), computes the equal-weighted buy-and-hold
basket of every symbol in it with pandas (large_basket_pandas.basket_of: closes carried forward over gaps, the union
calendar from the base date), prints the seconds pandas took (reading the CSV included), then compares capflow's
performance answer (JSON from the gateway) with it: every metric and every level within 1e-9 relative, the same dates.
Exits 1 on any difference.

Usage: python3 bench/large_universe_pandas.py CLOSES.csv BASE_DATE END_DATE ANSWER.json
"""
import datetime as dt
import json
import sys
import time

import pandas as pd

from large_basket_pandas import basket_of

METRICS = ("totalReturn", "annualizedReturn", "annualizedVolatility", "maxDrawdown")


def close(actual, expected):
    return abs(actual - expected) <= 1e-9 * max(1.0, abs(expected))


def differences(answer, expected):
    found = [f"metrics.{m}: capflow {answer['metrics'][m]!r}, pandas {expected['metrics'][m]!r}"
             for m in METRICS if not close(answer["metrics"][m], expected["metrics"][m])]
    if answer["metrics"]["maxDrawdownTrough"] != expected["metrics"]["maxDrawdownTrough"]:
        found.append("metrics.maxDrawdownTrough differs")
    ours, theirs = answer["series"], expected["series"]
    if [p["date"] for p in ours] != [p["date"] for p in theirs]:
        found.append(f"series dates differ ({len(ours)} levels against pandas' {len(theirs)})")
    else:
        found += [f"series[{i}] ({p['date']}): capflow {p['level']!r}, pandas {q['level']!r}"
                  for i, (p, q) in enumerate(zip(ours, theirs)) if not close(p["level"], q["level"])][:5]
    return found


def main(csv, base, end, answer_file):
    started = time.perf_counter()
    bars = pd.read_csv(csv, names=["symbol", "date", "close"], parse_dates=["date"])
    expected = basket_of(bars.pivot(index="date", columns="symbol", values="close"),
                         dt.date.fromisoformat(base), dt.date.fromisoformat(end))
    seconds = time.perf_counter() - started
    with open(answer_file) as f:
        answer = json.load(f)
    found = differences(answer, expected)
    print(f"pandas {seconds:.3f} s for {len(bars):,} closes of {expected['members']} members, "
          f"{len(expected['series'])} levels; capflow's answer "
          + ("EQUALS pandas within 1e-9 relative" if not found else "DIFFERS: " + "; ".join(found)))
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
