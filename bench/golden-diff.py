#!/usr/bin/env python3
"""Compares the golden files of ResultsUnchangedTest between two commits, column by column:
which columns were added or removed, which changed, in how many rows, and by how much at most
(relative). Usage: bench/golden-diff.py OLD_COMMIT [NEW_COMMIT]   (NEW defaults to the work tree)"""
import pathlib
import subprocess
import sys


def read(commit, name):
    path = f"src/test/resources/golden/{name}"
    if commit is None:
        return pathlib.Path(path).read_text()
    return subprocess.run(["git", "show", f"{commit}:{path}"],
                          capture_output=True, text=True, check=True).stdout


def tables(text):
    """table -> (columns, rows as dicts)"""
    out, table = {}, None
    for line in text.splitlines():
        if line.startswith("# "):
            table, _, rest = line[2:].partition(": ")
            columns = [] if rest == "none" else rest.split("\t")
            out[table] = (columns, [])
        else:
            out[table][1].append(dict(zip(out[table][0], line.split("\t"))))
    return out


def number(text):
    try:
        return float(text)
    except ValueError:
        return None


old, new = sys.argv[1], (sys.argv[2] if len(sys.argv) > 2 else None)
for name in sorted(p.name for p in pathlib.Path("src/test/resources/golden").glob("*.txt")):
    a, b = tables(read(old, name)), tables(read(new, name))
    report = {}
    for table in sorted(set(a) | set(b)):
        ca, ra = a.get(table, ([], []))
        cb, rb = b.get(table, ([], []))
        for col in cb:
            if col not in ca:
                report[f"{table}.{col}"] = "added"
        for col in ca:
            if col not in cb:
                report[f"{table}.{col}"] = "removed"
        if len(ra) != len(rb):
            report[table] = f"{len(ra)} rows, now {len(rb)}"
            continue
        for col in (c for c in ca if c in cb):
            n, worst = 0, 0.0
            for x, y in zip(ra, rb):
                if x[col] != y[col]:
                    n += 1
                    u, v = number(x[col]), number(y[col])
                    rel = float("inf") if u is None or v is None else abs(u - v) / max(abs(u), 1e-300)
                    worst = max(worst, rel)
            if n:
                report[f"{table}.{col}"] = f"{n} rows, max relative change {worst:.1e}"
    print(name, report or "identical")
