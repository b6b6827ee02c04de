#!/usr/bin/env python3
"""Writes a Vensim .mdl the size and shape of C-LEARN, for timing `meadows check` and `run`.

C-LEARN (the climate model behind the C-ROADS simulator) is a 1.4 MB .mdl of thousands of
arrayed variables; it is under copyright and not available here, so this writes a model of
the same size and kind: B blocks, each a chain link of stocks arrayed by Region x Gas that
feeds on the previous block's stocks, with a graphical function of Time, an arrayed constant
list, SUM over a dimension, SMOOTH, ZIDZ, IF THEN ELSE and a comment on every equation, and
one sketch view per 25 blocks placing every variable, valve and connector as Vensim writes
them.  Per block: 11 variables (4 arrayed Region x Gas, 5 by Region, 2 scalar).

    make_big_mdl.py [--blocks 380] [--regions 15] [--gases 3] > big.mdl
"""
import argparse

ap = argparse.ArgumentParser()
ap.add_argument("--blocks", type=int, default=380)
ap.add_argument("--regions", type=int, default=15)
ap.add_argument("--gases", type=int, default=3)
a = ap.parse_args()

R = ", ".join(f"R{r + 1}" for r in range(a.regions))
G = ", ".join(f"G{g + 1}" for g in range(a.gases))
doc = ("Documentation as C-LEARN writes it for every equation: what the variable means, its source "
       "and the assumptions behind its value, about two hundred characters long.")
eqs = [f"Region:\n\t{R}\n\t~\t\n\t~\tThe regions.\n\t|\n",
       f"Gas:\n\t{G}\n\t~\t\n\t~\tThe gases.\n\t|\n"]


def eq(lhs, rhs, units, op="="):
    eqs.append(f"{lhs}{op}\n\t{rhs}\n\t~\t{units}\n\t~\t{doc}\n\t|\n")


for i in range(a.blocks):
    p = (i - 1) % a.blocks
    ks = ",".join(f"{0.001 * ((i + r) % 9 + 1):g}" for r in range(a.regions))
    eq(f"k {i}[Region]", ks, "1/Year")
    eq(f"tau {i}", f"{5 + i % 7}", "Year")
    eq(f"effect table {i}", "[(0,0)-(30,2)],(0,1),(5,1.2),(10,1.45),(15,1.6),(20,1.7),(30,1.75))", "dmnl", op="(")
    eq(f"init {i}[Region, Gas]", f"{10 + i % 13}", "t")
    eq(f"Stock {i}[Region, Gas]", f"INTEG (inflow {i}[Region, Gas] - outflow {i}[Region, Gas], init {i}[Region, Gas])", "t")
    eq(f"inflow {i}[Region, Gas]",
       f"k {i}[Region] * (Stock {p}[Region, Gas] + 1) * effect table {i}(Time / 10)", "t/Year")
    eq(f"outflow {i}[Region, Gas]", f"Stock {i}[Region, Gas] / tau {i}", "t/Year")
    eq(f"total {i}[Region]", f"SUM(Stock {i}[Region, Gas!])", "t")
    eq(f"smoothed {i}[Region]", f"SMOOTH(total {i}[Region], 3)", "t")
    eq(f"ratio {i}[Region]", f"ZIDZ(smoothed {i}[Region], 1 + smoothed {p}[Region])", "dmnl")
    eq(f"above {i}[Region]", f"IF THEN ELSE(ratio {i}[Region] > 1, 1, 0)", "dmnl")

eqs.append("********************************************************\n\t.Control\n"
           "********************************************************~\n\t\tSimulation Control Parameters\n\t|\n")
eq("FINAL TIME", "2100", "Year")
eq("INITIAL TIME", "1850", "Year")
eq("SAVEPER", "1", "Year [0,?]")
eq("TIME STEP", "0.25", "Year [0,?]")

sketch = ["\\\\\\---/// Sketch information - do not modify anything except names",
          "V300  Do not put anything below this section - it will be ignored"]
per_view = 25
for v in range((a.blocks + per_view - 1) // per_view):
    sketch.append(f"*View {v + 1}")
    sketch.append("$192-192-192,0,Times New Roman|12||0-0-0|0-0-0|0-0-255|-1--1--1|-1--1--1|72,72,100,0")
    n = 0
    for i in range(v * per_view, min(a.blocks, (v + 1) * per_view)):
        y = 60 + (i - v * per_view) * 120
        ids = {}

        def item(kind, name, x, yy, w, h, shape):
            global n
            n += 1
            ids[name] = n
            sketch.append(f"{kind},{n},{name},{x},{yy},{w},{h},{shape},3,0,0,0,0,0,0")

        def arrow(frm, to, x, yy):
            global n
            n += 1
            sketch.append(f"1,{n},{ids[frm]},{ids[to]},0,0,0,0,0,64,0,-1--1--1,,1|({x},{yy})|")

        item(10, f"Stock {i}", 300, y, 40, 20, 3)
        n += 1
        cloud = n
        sketch.append(f"12,{n},48,120,{y},10,8,0,3,0,0,-1,0,0,0")
        n += 1
        valve = n
        sketch.append(f"11,{n},48,200,{y},6,8,34,3,0,0,1,0,0,0")
        n += 1
        sketch.append(f"1,{n},{valve},{ids[f'Stock {i}']},4,0,0,22,0,0,0,-1--1--1,,1|(240,{y})|")
        n += 1
        sketch.append(f"1,{n},{valve},{cloud},100,0,0,22,0,0,0,-1--1--1,,1|(160,{y})|")
        item(10, f"inflow {i}", 200, y + 16, 24, 8, 40)
        for name, x, dy in ((f"k {i}", 120, 50), (f"effect table {i}", 200, 60), (f"init {i}", 300, 50),
                            (f"outflow {i}", 420, 0), (f"tau {i}", 480, 40), (f"total {i}", 420, 60),
                            (f"smoothed {i}", 540, 60), (f"ratio {i}", 660, 60), (f"above {i}", 780, 60)):
            item(10, name, x, y + dy, 30, 10, 8)
        for frm, to in ((f"k {i}", f"inflow {i}"), (f"effect table {i}", f"inflow {i}"),
                        (f"init {i}", f"Stock {i}"), (f"Stock {i}", f"outflow {i}"), (f"tau {i}", f"outflow {i}"),
                        (f"Stock {i}", f"total {i}"), (f"total {i}", f"smoothed {i}"),
                        (f"smoothed {i}", f"ratio {i}"), (f"ratio {i}", f"above {i}")):
            arrow(frm, to, 0, 0)
sketch.append("///---\\\\\\")
sketch.append(":L<%^E!@")
sketch.append("9:Current")

print("{UTF-8}")
print("\n".join(eqs))
print("\n".join(sketch))
