#!/usr/bin/env python3
"""The pandas equivalent of BasketEngineBenchmark, on the same generated data.

Reads DIR/prices.csv (written by dev.capflow.bench.BasketBenchData: a date column, the benchmark BENCH, then one
column per member with empty cells where a member did not trade), times the same work as the JMH benchmark
(union calendar with carry-forward, buy-and-hold levels, every metric, member contributions) with
time.perf_counter over several repetitions, checks the results against DIR/java-results.json, and prints
"best_ms median_ms repetitions" on the last line.

Usage: /usr/bin/python3 bench/basket_engine_pandas.py DIR [REPETITIONS]
"""
import json
import math
import statistics
import sys
import time
from pathlib import Path

import pandas as pd

TRADING_DAYS = 252
BASE_VALUE = 100.0
RISK_FREE_RATE = 0.04  # BasketBenchData.RISK_FREE_RATE


def performance(prices, bench):
    """Levels and metrics of the equal-weighted buy-and-hold basket of every member column."""
    px = prices.ffill()  # every row has a member close, so the rows are the union calendar
    units = (1.0 / px.shape[1]) * BASE_VALUE / px.iloc[0]
    level = px.dot(units)
    r = level.pct_change().dropna()
    n = len(r)
    total = level.iloc[-1] / level.iloc[0] - 1
    stdev = r.std(ddof=1)
    drawdown = level / level.cummax() - 1
    trough = drawdown.idxmin()
    peak = level.loc[:trough].idxmax()
    rb = bench.reindex(level.index).ffill().pct_change().dropna()
    contributions = units * (px.iloc[-1] - px.iloc[0]) / level.iloc[0]
    member_returns = px.iloc[-1] / px.iloc[0] - 1
    return {
        "lastLevel": level.iloc[-1],
        "totalReturn": total,
        "annualizedReturn": (1 + total) ** (TRADING_DAYS / n) - 1,
        "annualizedVolatility": stdev * math.sqrt(TRADING_DAYS),
        "sharpe": (r - RISK_FREE_RATE / TRADING_DAYS).mean() / stdev * math.sqrt(TRADING_DAYS),
        "maxDrawdown": drawdown.min(),
        "maxDrawdownPeak": peak.date().isoformat(),
        "maxDrawdownTrough": trough.date().isoformat(),
        "beta": r.cov(rb) / rb.var(ddof=1),
        "correlation": r.corr(rb),
        "contributionSum": contributions.sum(),
        "firstMemberContribution": contributions.iloc[0],
        "firstMemberReturn": member_returns.iloc[0],
    }


def main():
    directory = Path(sys.argv[1])
    repetitions = int(sys.argv[2]) if len(sys.argv) > 2 else 30
    frame = pd.read_csv(directory / "prices.csv", index_col="date", parse_dates=["date"], float_precision="round_trip")
    bench = frame.pop("BENCH")

    result = performance(frame, bench)
    expected = json.loads((directory / "java-results.json").read_text())
    for key, want in expected.items():
        got = result[key]
        if isinstance(want, str):
            assert got == want, f"{key}: pandas {got}, java {want}"
        else:
            assert abs(got - want) <= 1e-9 * max(abs(got), abs(want), 1e-6), f"{key}: pandas {got}, java {want}"

    timings = []
    for _ in range(repetitions):
        start = time.perf_counter()
        performance(frame, bench)
        timings.append((time.perf_counter() - start) * 1000)
    print(f"pandas {pd.__version__}: results agree with the Java engine within 1e-9 relative", file=sys.stderr)
    print(f"{min(timings):.3f} {statistics.median(timings):.3f} {repetitions}")


if __name__ == "__main__":
    main()
