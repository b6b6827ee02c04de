#!/usr/bin/env python3
"""Writes the benchmark ring model as XMILE: N stocks in a ring.

Stock i receives a saturating flow from its neighbour i-1, moved at a rate that varies
with SIN(TIME/k), and leaks 1% per time unit.  Per stock: one stock, one auxiliary
(the rate) and two flows, so N stocks make 4N variables.  ring_twin.c does the same
arithmetic by hand.

    make_ring.py N [--stop 312.5] [--dt 0.015625] [--save 10] > ring.xmile
"""
import argparse

ap = argparse.ArgumentParser()
ap.add_argument("n", type=int)
ap.add_argument("--stop", type=float, default=312.5)   # 20,000 steps of 1/64
ap.add_argument("--dt", type=float, default=1 / 64)
ap.add_argument("--save", type=float, default=10)
a = ap.parse_args()

out = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<xmile version="1.0" xmlns="http://docs.oasis-open.org/xmile/ns/XMILE/v1.0">',
    f'<header><name>ring {a.n}</name><vendor>Meadows benchmarks</vendor></header>',
    f'<sim_specs method="Euler"><start>0</start><stop>{a.stop!r}</stop><dt>{a.dt!r}</dt>'
    f'<save_step>{a.save!r}</save_step></sim_specs>',
    "<model><variables>",
]
for i in range(a.n):
    prev = (i - 1) % a.n
    out.append(f'<stock name="s{i}"><eqn>{100 + i % 10}</eqn><inflow>f{i}</inflow>'
               f'<outflow>f{(i + 1) % a.n}</outflow><outflow>leak{i}</outflow></stock>')
    out.append(f'<aux name="rate{i}"><eqn>0.1 + 0.05 * SIN(TIME / {10 + i % 7})</eqn></aux>')
    out.append(f'<flow name="f{i}"><eqn>MIN(s{prev} * rate{i}, 50)</eqn></flow>')
    out.append(f'<flow name="leak{i}"><eqn>s{i} * 0.01</eqn></flow>')
out.append("</variables></model></xmile>")
print("\n".join(out))
