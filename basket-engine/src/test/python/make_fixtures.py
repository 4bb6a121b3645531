#!/usr/bin/env python3
"""Reference values for the basket engine, computed independently with pandas from the demo closes.

Follows docs/design.md section 4 with plain pandas idioms (outer join and ffill on the union calendar, pct_change,
std(ddof=1), cummax, cov/corr) and writes one JSON file per basket and per comparison to
basket-engine/src/test/resources/fixtures/. BasketFixtureTest checks the Java engine against them.

It also writes e2e-tests/src/test/resources/fixtures/total-returns.json: Team Google's and Team OpenAI's total
returns with the dividends of demo/dividends.csv under the CRSP rule ((P_ex + D) / P_prev - 1 on an ex-date),
which GatewayBasketsIT checks against the whole platform.

Regenerate from the repository root (Debian's pandas: apt-get install python3-pandas):
    /usr/bin/python3 basket-engine/src/test/python/make_fixtures.py
"""
import json
import math
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[4]
PRICES = ROOT / "demo" / "prices"
OUT = ROOT / "basket-engine" / "src" / "test" / "resources" / "fixtures"
TOTAL_RETURNS = ROOT / "e2e-tests" / "src" / "test" / "resources" / "fixtures" / "total-returns.json"
DIVIDENDS = ROOT / "demo" / "dividends.csv"

TRADING_DAYS = 252
# GIPS: a return over less than a year is not annualized
MIN_RETURNS_TO_ANNUALIZE = 252
BENCHMARK = "QQQ"
BENCHMARK_CURRENCY = "USD"
TEAM_GOOGLE = ["GOOGL", "AVGO", "CLS", "LITE", "TTMI"]
TEAM_OPENAI = ["NVDA", "MSFT", "SFTBY", "ORCL", "AMD", "CRWV"]
# 9984.T is quoted in JPY, every other symbol in USD
CURRENCY = {"9984.T": "JPY"}
# the FX series per pair BASE/QUOTE, quoting QUOTE per one BASE on its date: FRED's noon New York rate (basket-service's
# capflow.basket.fx.series."USD/JPY"=DEXJPUS)
FX_SERIES = {"USD/JPY": "DEXJPUS"}

WINDOWS = [
    {"from": None, "to": None, "riskFreeRate": 0.0},
    {"from": "2025-10-29", "to": "2025-12-31", "riskFreeRate": 0.04},
    # starts on a Tokyo holiday and ends on a short US session, so carry-forward matters at both ends
    {"from": "2025-11-24", "to": "2025-12-24", "riskFreeRate": 0.0},
]


def equal(symbols):
    return [{"symbol": s, "weight": 1.0 / len(symbols)} for s in symbols]


BASKETS = [
    {"name": "team-google", "baseDate": "2025-10-29", "rebalance": "NONE", "members": equal(TEAM_GOOGLE)},
    {"name": "team-openai", "baseDate": "2025-10-29", "rebalance": "NONE", "members": equal(TEAM_OPENAI)},
    {"name": "team-google-monthly", "baseDate": "2025-10-29", "rebalance": "MONTHLY", "members": equal(TEAM_GOOGLE)},
    {"name": "team-openai-monthly", "baseDate": "2025-10-29", "rebalance": "MONTHLY", "members": equal(TEAM_OPENAI)},
    {"name": "team-openai-tokyo", "baseDate": "2025-10-29", "rebalance": "NONE",
     "members": equal(["NVDA", "MSFT", "9984.T", "ORCL", "AMD", "CRWV"])},
    {"name": "tokyo-mix-monthly-sep", "baseDate": "2025-09-02", "rebalance": "MONTHLY",
     "members": [{"symbol": "GOOGL", "weight": 0.5}, {"symbol": "9984.T", "weight": 0.3}, {"symbol": "NVDA", "weight": 0.2}]},
    # a JPY basket of USD members: each close of D times DEXJPUS of D; the (USD) benchmark is converted alike
    {"name": "team-google-in-jpy", "currency": "JPY", "baseDate": "2025-10-29", "rebalance": "NONE",
     "members": equal(TEAM_GOOGLE)},
    {"name": "team-google-quarterly-sep", "baseDate": "2025-09-02", "rebalance": "QUARTERLY", "members": equal(TEAM_GOOGLE)},
]

COMPARISONS = [("team-google", "team-openai"), ("team-google", "team-openai-tokyo")]


def close(symbol):
    frame = pd.read_csv(PRICES / f"{symbol}.csv", index_col="date", parse_dates=["date"], float_precision="round_trip")
    return frame["close"]


def fx_spec(currency, basket_currency):
    """The series giving basket-currency units per one unit of currency: a pair's series as it is, or its inverse."""
    if f"{currency}/{basket_currency}" in FX_SERIES:
        return {"symbol": FX_SERIES[f"{currency}/{basket_currency}"], "invert": False}
    return {"symbol": FX_SERIES[f"{basket_currency}/{currency}"], "invert": True}


def basket_units_per_unit(currency, basket_currency):
    spec = fx_spec(currency, basket_currency)
    rate = close(spec["symbol"])
    return 1.0 / rate if spec["invert"] else rate


def converted(series, currency, basket_currency):
    """series (in currency) times the rate of each date, both carried forward on the union of their dates."""
    if currency == basket_currency:
        return series
    fx = basket_units_per_unit(currency, basket_currency)
    both = pd.concat({"price": series, "fx": fx}, axis=1).sort_index().ffill().dropna()
    return both["price"] * both["fx"]


def currency_of(basket):
    return basket.get("currency", "USD")


def basket_prices(basket, close=close):
    """Member closes in the basket currency on the union calendar from the base date on, carried forward."""
    symbols = [m["symbol"] for m in basket["members"]]
    raw = pd.concat({s: close(s) for s in symbols}, axis=1).sort_index()  # outer join: union of member dates
    filled = raw.ffill()
    for s in symbols:
        currency = CURRENCY.get(s, "USD")
        if currency != currency_of(basket):
            fx = basket_units_per_unit(currency, currency_of(basket))
            filled[s] = filled[s] * fx.reindex(fx.index.union(filled.index)).ffill().reindex(filled.index)
    base = pd.Timestamp(basket["baseDate"])
    assert filled.loc[:base].iloc[-1].notna().all(), "a member has no price at the base date"
    return filled.loc[base:]


def rebalance_dates(calendar, rule):
    if rule == "NONE":
        return set()
    dates = calendar.to_series()
    month_ends = dates.groupby(calendar.to_period("M")).max()
    if rule == "QUARTERLY":
        month_ends = month_ends[month_ends.dt.month.isin([3, 6, 9, 12])]
    return set(month_ends) - {calendar[-1]}


def levels_and_units(basket, px):
    """Level per date and the units held after each close (the units earning the next day's return)."""
    weights = pd.Series({m["symbol"]: m["weight"] for m in basket["members"]})
    units = weights * 100.0 / px.iloc[0]
    rebalances = rebalance_dates(px.index, basket["rebalance"])
    if not rebalances:
        held = pd.DataFrame([units] * len(px), index=px.index)
        return px.dot(units), held
    level = pd.Series(np.nan, index=px.index)
    held = pd.DataFrame(np.nan, index=px.index, columns=px.columns)
    for date, row in px.iterrows():
        level[date] = (units * row).sum()
        if date in rebalances:
            units = weights * level[date] / row
        held.loc[date] = units
    return level, held


def metrics(lv, bench, rf):
    r = lv.pct_change().dropna()
    n = len(r)
    total = lv.iloc[-1] / lv.iloc[0] - 1
    drawdown = lv / lv.cummax() - 1
    trough = drawdown.idxmin() if drawdown.min() < 0 else None
    peak = lv.loc[:trough].idxmax() if trough is not None else None
    bench_on = bench.reindex(bench.index.union(lv.index)).ffill().reindex(lv.index)
    rb = bench_on.pct_change().dropna()
    return {
        "totalReturn": total,
        "annualizedReturn": (1 + total) ** (TRADING_DAYS / n) - 1 if n >= MIN_RETURNS_TO_ANNUALIZE else None,
        "annualizedVolatility": r.std(ddof=1) * math.sqrt(TRADING_DAYS),
        "sharpe": (r - rf / TRADING_DAYS).mean() / r.std(ddof=1) * math.sqrt(TRADING_DAYS),
        "maxDrawdown": drawdown.min(),
        "maxDrawdownPeak": peak.date().isoformat() if peak is not None else None,
        "maxDrawdownTrough": trough.date().isoformat() if trough is not None else None,
        "beta": r.cov(rb) / rb.var(ddof=1),
        "correlation": r.corr(rb),
    }


def contributions(basket, px, lv, held, window):
    gains = (held.shift(1) * px.diff()).loc[window].iloc[1:].sum()
    moves = px.loc[window]
    # the units that priced each close: those held after the previous close (the base units on the base date)
    priced_with = held.shift(1).fillna(held.iloc[0])
    end = moves.index[-1]
    end_weights = priced_with.loc[end] * px.loc[end] / lv.loc[end]
    return [{
        "symbol": m["symbol"],
        "weight": m["weight"],
        "return": moves[m["symbol"]].iloc[-1] / moves[m["symbol"]].iloc[0] - 1,
        "contribution": gains[m["symbol"]] / lv.loc[window].iloc[0],
        "endWeight": end_weights[m["symbol"]],
    } for m in basket["members"]]


def dated(series, name):
    return [{"date": d.date().isoformat(), name: float(v)} for d, v in series.items()]


def basket_fixture(basket, bench):
    px = basket_prices(basket)
    bench = converted(bench, BENCHMARK_CURRENCY, currency_of(basket))
    lv, held = levels_and_units(basket, px)
    windows = []
    for w in WINDOWS:
        window = slice(w["from"], w["to"])
        in_window = lv.loc[window]
        contrib = contributions(basket, px, lv, held, window)
        result = metrics(in_window, bench, w["riskFreeRate"])
        assert abs(sum(c["contribution"] for c in contrib) - result["totalReturn"]) < 1e-12
        windows.append({**w, "effectiveFrom": in_window.index[0].date().isoformat(),
                        "effectiveTo": in_window.index[-1].date().isoformat(),
                        "metrics": {k: (float(v) if v is not None and not isinstance(v, str) else v)
                                    for k, v in result.items()},
                        "contributions": [{k: (float(v) if k != "symbol" else v) for k, v in c.items()} for c in contrib]})
    currency = currency_of(basket)
    members = [{**m, "currency": CURRENCY.get(m["symbol"], "USD")} for m in basket["members"]]
    fixture = {
        "name": basket["name"], "currency": currency, "baseDate": basket["baseDate"], "baseValue": 100.0,
        "rebalance": basket["rebalance"],
        "members": members,
        "fx": {m["currency"]: fx_spec(m["currency"], currency) for m in members if m["currency"] != currency},
        "benchmark": BENCHMARK,
        "benchmarkFx": fx_spec(BENCHMARK_CURRENCY, currency) if BENCHMARK_CURRENCY != currency else None,
        "rebalanceDates": sorted(d.date().isoformat() for d in rebalance_dates(px.index, basket["rebalance"])),
        "series": dated(lv, "level"),
        "windows": windows,
    }
    return fixture, lv


def comparison_fixture(name_a, lv_a, name_b, lv_b):
    calendar = lv_a.index.union(lv_b.index)
    start = max(lv_a.index[0], lv_b.index[0])
    a = lv_a.reindex(calendar).ffill().loc[start:]
    b = lv_b.reindex(calendar).ffill().loc[start:]
    frame = pd.DataFrame({"levelA": a, "levelB": b, "spread": (a / a.iloc[0] - 1) - (b / b.iloc[0] - 1), "ratio": a / b})
    rows = [{"date": d.date().isoformat(), **{k: float(v) for k, v in row.items()}} for d, row in frame.iterrows()]
    return {"a": name_a, "b": name_b, "series": rows}


def dividends_on_closes(symbol, closes):
    """Each dividend of symbol on the first close on or after its ex-date (the first price traded without it)."""
    table = pd.read_csv(DIVIDENDS, parse_dates=["ex_date"], float_precision="round_trip")
    paid = pd.Series(0.0, index=closes.index)
    for _, row in table[table["symbol"] == symbol].iterrows():
        on_or_after = closes.index[closes.index >= row["ex_date"]]
        if len(on_or_after):
            paid[on_or_after[0]] += row["amount"]
    return paid


def crsp_total_return_index(symbol):
    """The close compounded by CRSP daily total returns: (P_t + D_t) / P_(t-1) - 1, D_t the dividend going ex on t."""
    p = close(symbol)
    r = (p + dividends_on_closes(symbol, p)) / p.shift(1) - 1
    return (1 + r.fillna(0.0)).cumprod() * p.iloc[0]


def total_returns_fixture():
    window = slice("2025-10-29", "2025-12-31")
    out = {"from": window.start, "to": window.stop, "rule": "CRSP (P_ex + D) / P_prev - 1", "baskets": {}}
    for name in ("team-google", "team-openai"):
        basket = next(b for b in BASKETS if b["name"] == name)
        price_level, _ = levels_and_units(basket, basket_prices(basket))
        total_level, _ = levels_and_units(basket, basket_prices(basket, close=crsp_total_return_index))
        price, total = price_level.loc[window], total_level.loc[window]
        out["baskets"][name] = {
            "priceReturn": float(price.iloc[-1] / price.iloc[0] - 1),
            "totalReturn": float(total.iloc[-1] / total.iloc[0] - 1),
            "series": dated(total, "level"),
        }
        assert abs(out["baskets"][name]["totalReturn"] - out["baskets"][name]["priceReturn"]) > 1e-6
    TOTAL_RETURNS.parent.mkdir(parents=True, exist_ok=True)
    TOTAL_RETURNS.write_text(json.dumps(out, indent=1) + "\n")
    return out


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    bench = close(BENCHMARK)
    levels = {}
    for basket in BASKETS:
        fixture, levels[basket["name"]] = basket_fixture(basket, bench)
        (OUT / f"{basket['name']}.json").write_text(json.dumps(fixture, indent=1) + "\n")
    for name_a, name_b in COMPARISONS:
        fixture = comparison_fixture(name_a, levels[name_a], name_b, levels[name_b])
        (OUT / f"compare-{name_a}-vs-{name_b}.json").write_text(json.dumps(fixture, indent=1) + "\n")

    def total(name):
        lv = levels[name].loc["2025-10-29":"2025-12-31"]
        return lv.iloc[-1] / lv.iloc[0] - 1
    google, openai = total("team-google"), total("team-openai")
    assert google > openai, "Team Google should beat Team OpenAI from 2025-10-29 to 2025-12-31"
    print(f"team-google {google:+.4f}, team-openai {openai:+.4f} (2025-10-29..2025-12-31); fixtures in {OUT.relative_to(ROOT)}")
    for name, figures in total_returns_fixture()["baskets"].items():
        print(f"{name}: price return {figures['priceReturn']:+.6f}, CRSP total return {figures['totalReturn']:+.6f}")


if __name__ == "__main__":
    main()
