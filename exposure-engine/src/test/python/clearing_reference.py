#!/usr/bin/env python3
"""Reference clearing vectors for the CLEARING stress model, computed independently with numpy.

Follows docs/stress-models.md section 3 (Eisenberg-Noe 2001 with Rogers-Veraart 2013 default costs) with dense
matrices and numpy.linalg.solve, not the engine's sparse Gauss-Seidel sweeps:
- L[i][j] = the sum of the known INVESTMENT and PURCHASE amounts i -> j; pbar = L.sum(axis=1); Pi = L / pbar (0 rows
  where pbar = 0);
- e = cash + horizonYears x revenue (a missing figure counts 0), scaled by 1 + valueChange in the shocked case;
- the greatest clearing vector by the fictitious-default algorithm: start with nobody in default, put in default every
  entity that cannot pay in full at the current payments, solve the linear system (non-defaulters pay pbar, defaulter i
  pays alpha e_i + beta sum_j Pi[j][i] p_j) exactly, repeat until the default set stops growing.

Writes two fixtures to exposure-engine/src/test/resources/fixtures/, which ClearingFixtureTest compares the engine to:
- clearing-random.json: seeded random graphs (parallel edges, undisclosed amounts, GUARANTEE and EQUITY edges as
  noise, LOW <= BASE <= HIGH amounts per edge), each cleared with the LOW, BASE and HIGH amounts, with and without
  default costs;
- clearing-seed.json: the seed graph of clearing-seed-inputs.json (its entities' revenue and cash and its edges' LOW,
  BASE and HIGH amounts on the seed's latest date, as exposure-service's SeedClearingInputsTest exports and checks
  them), cleared with no shock, everyone's resources halved and each entity's resources gone in turn, with and
  without default costs.

Regenerate from the repository root (Debian's numpy: apt-get install python3-numpy):
    /usr/bin/python3 exposure-engine/src/test/python/clearing_reference.py
"""
import json
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[4]
RANDOM_OUT = ROOT / "exposure-engine" / "src" / "test" / "resources" / "fixtures" / "clearing-random.json"
SEED_IN = ROOT / "exposure-engine" / "src" / "test" / "resources" / "fixtures" / "clearing-seed-inputs.json"
SEED_OUT = ROOT / "exposure-engine" / "src" / "test" / "resources" / "fixtures" / "clearing-seed.json"

CASH_KINDS = ("INVESTMENT", "PURCHASE")
CHOICES = ("LOW", "BASE", "HIGH")
NO_COSTS = {"horizonYears": 5.0, "alpha": 1.0, "beta": 1.0}
DEFAULT_TOLERANCE = 1e-9
RANDOM_SEED = 20261205
RANDOM_GRAPHS = 24


def obligations(n, edges, choice):
    """L[i][j]: the known INVESTMENT and PURCHASE amounts i -> j under the amount choice, summed."""
    l = np.zeros((n, n))
    for edge in edges:
        amount = edge["amountsUsd"][choice]
        if edge["kind"] in CASH_KINDS and amount is not None:
            l[edge["from"], edge["to"]] += amount
    return l


def resources(cash, revenue, horizon_years):
    known = lambda xs: np.array([0.0 if x is None else float(x) for x in xs])
    return known(cash) + horizon_years * known(revenue)


def greatest_clearing_vector(l, e, alpha, beta):
    n = len(e)
    pbar = l.sum(axis=1)
    pi = np.divide(l, pbar[:, None], out=np.zeros_like(l), where=pbar[:, None] > 0)
    in_default = np.zeros(n, dtype=bool)
    p = pbar.copy()
    while True:
        now_default = in_default | (e + pi.T @ p < pbar)
        if (now_default == in_default).all():
            return pbar, pi, p
        in_default = now_default
        d = np.flatnonzero(in_default)
        paying = np.flatnonzero(~in_default)
        a = np.eye(len(d)) - beta * pi.T[np.ix_(d, d)]
        b = alpha * e[d] + beta * pi.T[np.ix_(d, paying)] @ pbar[paying]
        p = pbar.copy()
        p[d] = np.linalg.solve(a, b)


def clearing(l, e, alpha, beta):
    pbar, pi, p = greatest_clearing_vector(l, e, alpha, beta)
    # what each creditor j is owed and does not receive: sum_i L[i][j] - sum_i Pi[i][j] p_i
    unpaid = l.sum(axis=0) - pi.T @ p
    return {
        "externalResourcesUsd": e.tolist(),
        "obligationsUsd": pbar.tolist(),
        "paidUsd": p.tolist(),
        "defaulted": (p < pbar * (1 - DEFAULT_TOLERANCE)).tolist(),
        "unpaidReceivablesUsd": unpaid.tolist(),
    }


def expected(n, edges, choice, cash, revenue, value_change, options):
    l = obligations(n, edges, choice)
    e = resources(cash, revenue, options["horizonYears"])
    shocked_e = e * (1 + np.array(value_change, dtype=float))
    baseline = clearing(l, e, options["alpha"], options["beta"])
    shocked = clearing(l, shocked_e, options["alpha"], options["beta"])
    lost = -(np.array(shocked["unpaidReceivablesUsd"]) - np.array(baseline["unpaidReceivablesUsd"]))
    return {"baseline": baseline, "shocked": shocked, "valueLostUsd": lost.tolist()}


def random_graph(rng, n, density):
    edges = []
    for u in range(n):
        for v in range(n):
            if u == v:
                continue
            copies = (2 if rng.random() < 0.2 else 1) if rng.random() < density else 0
            for _ in range(copies):
                kind = CASH_KINDS[rng.integers(2)]
                edges.append({"id": f"c{len(edges)}", "from": u, "to": v, "kind": kind, "amountsUsd": random_amounts(rng)})
            if rng.random() < density / 4:
                kind = "GUARANTEE" if rng.random() < 0.5 else "EQUITY"
                edges.append({"id": f"n{len(edges)}", "from": u, "to": v, "kind": kind, "amountsUsd": random_amounts(rng)})
    return edges


def random_amounts(rng):
    """Undisclosed one time in five; else a base with a range around it, sometimes collapsed to the base."""
    if rng.random() < 0.2:
        return {choice: None for choice in CHOICES}
    base = float(rng.uniform(1, 100))
    if rng.random() < 0.3:
        return {choice: base for choice in CHOICES}
    return {"LOW": base * float(rng.uniform(0.2, 1)), "BASE": base, "HIGH": base * float(rng.uniform(1, 3))}


def random_graphs():
    rng = np.random.default_rng(RANDOM_SEED)
    graphs = []
    for g in range(RANDOM_GRAPHS):
        n = int(rng.integers(2, 21))
        edges = random_graph(rng, n, float(rng.uniform(0.05, 0.4)))
        revenue = [float(rng.uniform(0.1, 30)) if rng.random() < 0.7 else None for _ in range(n)]
        cash = [float(rng.uniform(0.1, 100)) if revenue[i] is None or rng.random() < 0.5 else None for i in range(n)]
        value_change = [0.0] * n
        for i in rng.choice(n, size=int(rng.integers(1, min(n, 3) + 1)), replace=False):
            value_change[int(i)] = float(rng.uniform(-1, 0.5))
        with_costs = {"horizonYears": float(rng.uniform(1, 10)), "alpha": float(rng.uniform(0.1, 1)),
                      "beta": float(rng.uniform(0.1, 1))}
        graph = {"name": f"random graph {g}", "entities": [f"e{i}" for i in range(n)], "edges": edges,
                 "revenueUsd": revenue, "cashUsd": cash}
        graph["cases"] = [case(graph, choice, options, value_change) for choice in CHOICES
                          for options in (NO_COSTS, with_costs)]
        graphs.append(graph)
    return graphs


def seed_graph(seed):
    """The seed under no shock, everyone's resources halved, and each entity's resources gone in turn."""
    n = len(seed["entities"])
    shocks = [[0.0] * n, [-0.5] * n] + [[-1.0 if i == j else 0.0 for i in range(n)] for j in range(n)]
    graph = {key: seed[key] for key in ("entities", "edges", "revenueUsd", "cashUsd")}
    graph["name"] = f"seed graph as of {seed['asOf']}"
    graph["cases"] = [case(graph, choice, options, shock) for choice in CHOICES
                      for options in (NO_COSTS, {"horizonYears": 3.0, "alpha": 0.6, "beta": 0.8}) for shock in shocks]
    return graph


def case(graph, choice, options, value_change):
    n = len(graph["entities"])
    return {"amounts": choice, "options": options, "valueChange": value_change,
            "expected": expected(n, graph["edges"], choice, graph["cashUsd"], graph["revenueUsd"], value_change, options)}


def write(path, data):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, separators=(",", ":")) + "\n")


if __name__ == "__main__":
    write(RANDOM_OUT, {"graphs": random_graphs()})
    write(SEED_OUT, {"graphs": [seed_graph(json.loads(SEED_IN.read_text()))]})
