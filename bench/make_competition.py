#!/usr/bin/env python3
"""Writes a competition model with N stocks, every one acting on every other, for the
loop-discovery benchmark (BENCHMARKS.md). Stock i has one flow,
    growth_i = S_i * (r_i - sum_j a_ij * S_j)        (Lotka-Volterra competition)
so each stock links to every flow and the causal graph is the complete directed graph on
the stocks (self-loops included): sum over k of C(N, k) (k - 1)! loops, 10,976,184 for
N = 11. The rates and couplings are fixed pseudo-random numbers (a seeded generator), so
the loops that matter shift as the species compete.
usage: make_competition.py N > model.xmile"""
import random
import sys
from math import comb, factorial


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 11
    rng = random.Random(20201)
    out = ['<?xml version="1.0" encoding="utf-8"?>',
           '<!-- %d stocks, %d loops: written by bench/make_competition.py -->'
           % (n, sum(comb(n, k) * factorial(k - 1) for k in range(1, n + 1))),
           '<xmile version="1.0" xmlns="http://docs.oasis-open.org/xmile/ns/XMILE/v1.0">',
           '<header><name>Competition %d</name><vendor>Meadows</vendor></header>' % n,
           '<sim_specs method="Euler"><start>0</start><stop>50</stop><dt>0.0625</dt><savestep>1</savestep></sim_specs>',
           '<model><variables>']
    for i in range(n):
        rate = round(rng.uniform(0.2, 1.0), 3)
        crowding = " + ".join("%s * S%d" % (round(rng.uniform(0.2, 1.0) * (2.0 if j == i else 1.0) / n, 4), j)
                              for j in range(n))
        out.append('<stock name="S%d"><eqn>%s</eqn><inflow>growth%d</inflow></stock>' % (i, round(rng.uniform(0.05, 0.5), 3), i))
        out.append('<flow name="growth%d"><eqn>S%d * (%s - (%s))</eqn></flow>' % (i, i, rate, crowding))
    out.append('</variables></model></xmile>')
    print("\n".join(out))


if __name__ == "__main__":
    main()
