#!/usr/bin/env python3
"""Times the whole `meadows run` (read, compile, simulate, write CSV) on the ring model
against ring_twin.c compiled with -O2 doing the same arithmetic and writing the same rows.

    bench/ring_ratio.py BUILD/app/meadows [--n 1000] [--repeat 7]

Prints the best wall time of each over the repeats, and the ratio.
"""
import argparse, os, subprocess, sys, tempfile, time

here = os.path.dirname(os.path.abspath(__file__))
ap = argparse.ArgumentParser()
ap.add_argument("meadows")
ap.add_argument("--n", type=int, default=1000)
ap.add_argument("--stop", type=float, default=312.5)
ap.add_argument("--dt", type=float, default=1 / 64)
ap.add_argument("--save", type=float, default=10)
ap.add_argument("--repeat", type=int, default=7)
a = ap.parse_args()


def best(cmd, stdout):
    times = []
    for _ in range(a.repeat):
        t0 = time.perf_counter()
        subprocess.run(cmd, check=True, stdout=stdout)
        times.append(time.perf_counter() - t0)
    return min(times)


with tempfile.TemporaryDirectory() as tmp:
    model = os.path.join(tmp, "ring.xmile")
    with open(model, "w") as f:
        subprocess.run([sys.executable, os.path.join(here, "make_ring.py"), str(a.n), "--stop", repr(a.stop),
                        "--dt", repr(a.dt), "--save", repr(a.save)], check=True, stdout=f)
    twin = os.path.join(tmp, "ring_twin")
    subprocess.run(["gcc", "-O2", "-o", twin, os.path.join(here, "ring_twin.c"), "-lm"], check=True)
    steps = round(a.stop / a.dt)
    with open(os.devnull, "w") as null:
        c = best([twin, str(a.n), repr(a.stop), repr(a.dt), repr(a.save)], null)
        m = best([a.meadows, "run", model, "-o", os.path.join(tmp, "out.csv")], null)
    print(f"ring of {a.n} stocks ({4 * a.n} variables), {steps} Euler steps, dt {a.dt}")
    print(f"C twin (gcc -O2):          {c * 1000:8.1f} ms")
    print(f"meadows run (whole process): {m * 1000:8.1f} ms")
    print(f"ratio: {m / c:.2f}x")
