#!/usr/bin/env python3
"""Compares the golden files of ResultsUnchangedTest between two commits, column by column:
which columns changed, in how many rows, and by how much at most (relative).
Usage: bench/golden-diff.py OLD_COMMIT [NEW_COMMIT]   (NEW defaults to the work tree)"""
import subprocess, sys, pathlib

def read(commit, name):
    path = f"src/test/resources/golden/{name}"
    if commit is None:
        return pathlib.Path(path).read_text()
    return subprocess.run(["git", "show", f"{commit}:{path}"], capture_output=True, text=True, check=True).stdout

old, new = sys.argv[1], (sys.argv[2] if len(sys.argv) > 2 else None)
for name in sorted(p.name for p in pathlib.Path("src/test/resources/golden").glob("*.txt")):
    a, b = read(old, name).splitlines(), read(new, name).splitlines()
    assert len(a) == len(b), (name, "row counts differ")
    columns, changed = None, {}
    for x, y in zip(a, b):
        if x.startswith("# "):
            assert x == y, (name, x, y)
            columns = x.split(": ", 1)[1].split("\t") if ": " in x and not x.endswith("none") else None
            table = x[2:].split(":")[0]
            continue
        for col, u, v in zip(columns, x.split("\t"), y.split("\t")):
            if u != v:
                rel = abs(float(u) - float(v)) / max(abs(float(u)), 1e-300)
                key = f"{table}.{col}"
                n, worst = changed.get(key, (0, 0.0))
                changed[key] = (n + 1, max(worst, rel))
    print(name, {k: f"{n} rows, max relative change {w:.1e}" for k, (n, w) in changed.items()} or "identical")
