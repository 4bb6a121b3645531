#!/usr/bin/env python3
"""networkx's simple_cycles on a graph LoopFinderBenchmark enumerates, for the same count of loops.

Reads DIR/loop-graph{SUFFIX}.txt (written by dev.capflow.bench.ExposureBenchData: a first line "entities max_length",
max_length 0 meaning no bound, then one "from to" arc per line), counts nx.simple_cycles with time.perf_counter over
several repetitions, checks the count against the Java engine's in DIR/java-count{SUFFIX}.txt, and prints
"best_s median_s loops repetitions" on the last line.

A length bound needs networkx >= 3.1; Debian 12's python3-networkx (2.8) runs the unbounded graph.
Usage: python3 bench/exposure_networkx.py DIR [REPETITIONS] [SUFFIX]
"""
import statistics
import sys
import time
from pathlib import Path

import networkx as nx


def read_graph(path):
    lines = path.read_text().splitlines()
    entities, max_length = map(int, lines[0].split())
    graph = nx.DiGraph()
    graph.add_nodes_from(range(entities))
    graph.add_edges_from(tuple(map(int, line.split())) for line in lines[1:] if line)
    return graph, max_length


def cycles(graph, max_length):
    if max_length == 0:
        return nx.simple_cycles(graph)
    major, minor = (int(part) for part in nx.__version__.split(".")[:2])
    if (major, minor) < (3, 1):
        sys.exit(f"networkx {nx.__version__} has no length_bound; need >= 3.1")
    return nx.simple_cycles(graph, length_bound=max_length)


def main():
    directory = Path(sys.argv[1])
    repetitions = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    suffix = sys.argv[3] if len(sys.argv) > 3 else ""
    graph, max_length = read_graph(directory / f"loop-graph{suffix}.txt")
    expected = int((directory / f"java-count{suffix}.txt").read_text())
    seconds = []
    for _ in range(repetitions):
        start = time.perf_counter()
        loops = sum(1 for _ in cycles(graph, max_length))
        seconds.append(time.perf_counter() - start)
        if loops != expected:
            sys.exit(f"networkx found {loops} loops, the Java engine {expected}")
    bound = f"<= {max_length} arcs" if max_length else "any length"
    print(f"networkx {nx.__version__}: {graph.number_of_nodes()} nodes, {graph.number_of_edges()} arcs, "
          f"{expected} cycles of {bound}")
    print(f"{min(seconds):.3f} {statistics.median(seconds):.3f} {expected} {repetitions}")


if __name__ == "__main__":
    main()
