#!/usr/bin/env python3
"""The reference for bench_loops: networkx simple_cycles on the same diagram.

usage: random_diagram | python3 bench/loops_networkx.py [--classify]

Reads "FROM TO +|-" lines (as random_diagram writes them), enumerates every elementary
circuit with networkx.simple_cycles and prints the count and the time it took (wall
clock and this process's CPU time, to compare with Google Benchmark's Time and CPU). With
--classify it also counts negative links per loop (R/B), which is what Meadows does on
top of enumerating; without it networkx does strictly less work than Meadows.
"""
import sys
import time

import networkx as nx


def main():
    classify = "--classify" in sys.argv[1:]
    graph = nx.DiGraph()
    for line in sys.stdin:
        parts = line.split()
        if len(parts) == 3:
            graph.add_edge(parts[0], parts[1], negative=parts[2] == "-")
    start = time.perf_counter()
    cpu_start = time.process_time()
    loops = reinforcing = 0
    for cycle in nx.simple_cycles(graph):
        loops += 1
        if classify:
            negatives = sum(graph[u][v]["negative"] for u, v in zip(cycle, cycle[1:] + cycle[:1]))
            reinforcing += negatives % 2 == 0
    elapsed = time.perf_counter() - start
    cpu = time.process_time() - cpu_start
    print(f"networkx {nx.__version__}: {loops} loops in {elapsed:.3f} s (CPU {cpu:.3f} s)"
          + (f" ({reinforcing} reinforcing)" if classify else ""))


if __name__ == "__main__":
    main()
