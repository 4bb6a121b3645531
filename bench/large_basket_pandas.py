#!/usr/bin/env python3
"""Independent pandas reference for the large-basket tests (basket-service LargeBasketGrpcTest, e2e LargeBasketIT).

Generates the same deterministic synthetic closes as test-support's SyntheticPrices (symbol L0000 + i trades every
weekday except when (epoch day + 7 i) % 53 == 0; its close is a closed formula of i and the date), computes the
equal-weighted buy-and-hold basket of the first N symbols from its base date with pandas (closes carried forward over
gaps, from a 14-day lookback before the base date, on the union calendar of the members), and writes the levels,
metrics and member contributions as a JSON fixture.

Usage: /usr/bin/python3 bench/large_basket_pandas.py   (rewrites basket-service/src/test/resources/fixtures/large-*.json)
"""
import datetime as dt
import json
import math
from pathlib import Path

import numpy as np
import pandas as pd

ORIGIN = dt.date(2016, 1, 1)
EPOCH = dt.date(1970, 1, 1)
LOOKBACK_DAYS = 14  # capflow.basket.max-base-staleness
TRADING_DAYS = 252
BASE_VALUE = 100.0
CASES = [  # fixture name, members, base date, end date
    ("large-500-members-10-years", 500, dt.date(2016, 1, 4), dt.date(2025, 12, 31)),
    ("large-2000-members-1-year", 2000, dt.date(2025, 1, 2), dt.date(2025, 12, 31)),
    ("large-120-members-10-years", 120, dt.date(2016, 1, 4), dt.date(2025, 12, 31)),  # LargeBasketIT (e2e-tests)
]


def symbol(i):
    return f"L{i:04d}"


def closes(members, start, end):
    """A frame of every member's closes (NaN where it does not trade) on every calendar day of [start, end]."""
    days = pd.date_range(start, end, freq="D")
    epoch = np.array([(d.date() - EPOCH).days for d in days])
    t = epoch - (ORIGIN - EPOCH).days
    weekday = days.dayofweek < 5
    columns = {}
    for i in range(members):
        values = np.array([(10 + i % 37) * math.exp(0.25 * math.sin(x / (20.0 + i % 17) + i * 0.7)
                                                    + x * (i % 11 - 5) * 2e-5) for x in t])
        trades = weekday & ((epoch + 7 * i) % 53 != 0)
        columns[symbol(i)] = np.where(trades, values, np.nan)
    return pd.DataFrame(columns, index=days)


def basket(members, base, end):
    return basket_of(closes(members, base - dt.timedelta(days=LOOKBACK_DAYS), end), base, end)


def basket_of(px, base, end):
    """The equal-weighted buy-and-hold basket of every column of px (closes from the lookback on, NaN: no trade)."""
    members = px.shape[1]
    traded = px.notna().any(axis=1)
    px = px.ffill()
    px = px[(px.index >= pd.Timestamp(base)) & traded]  # the union calendar from the base date
    units = (1.0 / members) * BASE_VALUE / px.iloc[0]
    level = px.dot(units)
    r = level.pct_change().dropna()
    total = level.iloc[-1] / level.iloc[0] - 1
    drawdown = level / level.cummax() - 1
    trough = drawdown.idxmin()
    peak = level.loc[:trough].idxmax()
    contributions = units * (px.iloc[-1] - px.iloc[0]) / level.iloc[0]
    member_returns = px.iloc[-1] / px.iloc[0] - 1
    return {
        "members": members,
        "baseDate": base.isoformat(),
        "to": end.isoformat(),
        "metrics": {
            "totalReturn": total,
            "annualizedReturn": (1 + total) ** (TRADING_DAYS / len(r)) - 1,
            "annualizedVolatility": r.std(ddof=1) * math.sqrt(TRADING_DAYS),
            "maxDrawdown": drawdown.min(),
            "maxDrawdownPeak": peak.date().isoformat(),
            "maxDrawdownTrough": trough.date().isoformat(),
        },
        "series": [{"date": d.date().isoformat(), "level": v} for d, v in level.items()],
        "contributions": [{"symbol": s, "return": member_returns[s], "contribution": contributions[s]}
                          for s in px.columns],
    }


def main():
    out = Path(__file__).resolve().parent.parent / "basket-service" / "src" / "test" / "resources" / "fixtures"
    out.mkdir(parents=True, exist_ok=True)
    for name, members, base, end in CASES:
        fixture = basket(members, base, end)
        fixture["source"] = f"bench/large_basket_pandas.py, pandas {pd.__version__}"
        (out / f"{name}.json").write_text(json.dumps(fixture, separators=(",", ":")) + "\n")
        print(name, len(fixture["series"]), "levels, total return", fixture["metrics"]["totalReturn"])


if __name__ == "__main__":
    main()
