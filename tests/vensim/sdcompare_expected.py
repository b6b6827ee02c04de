#!/usr/bin/env python3
"""Runs the judge (sdcompare.py) on a suite and holds it to a list of expected failures.

usage: sdcompare_expected.py SDCOMPARE SUITE STATUS_MD CMD

STATUS_MD lists the models that do not pass yet as lines "- `path/model.mdl`: reason".
Exit 0 only when every unlisted model passes and every listed one still fails (a listed
model that passes must come off the list).
"""
import re
import subprocess
import sys


def main():
    sdcompare, suite, status, cmd = sys.argv[1:5]
    with open(status, encoding="utf-8") as f:
        listed = set(re.findall(r"^- `([^`]+\.mdl)`", f.read(), re.MULTILINE))
    p = subprocess.run([sys.executable, sdcompare, "--suite", suite, "--cmd", cmd], capture_output=True, text=True)
    print(p.stdout, end="")
    bad = []
    seen = set()
    for line in p.stdout.splitlines():
        m = re.match(r"^(PASS|FAIL)  (\S+)", line)
        if not m:
            continue
        verdict, model = m.groups()
        seen.add(model)
        if verdict == "FAIL" and model not in listed:
            bad.append(f"fails but is not listed in STATUS.md: {model}")
        if verdict == "PASS" and model in listed:
            bad.append(f"passes now, take it off STATUS.md: {model}")
    for model in sorted(listed - seen):
        bad.append(f"listed in STATUS.md but not in the suite: {model}")
    if not seen:
        bad.append("the judge ran no model")
    for b in bad:
        print(b)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
