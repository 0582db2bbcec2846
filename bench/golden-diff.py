#!/usr/bin/env python3
"""Compares the golden files of ResultsUnchangedTest between two commits, column by column:
which columns changed, in how many rows, and by how much at most (relative). Columns are matched
by name: a column only in the new files is listed as added with its distinct values (a new
nullable column that is all null shows {'null'}); a column only in the old ones as removed.
Usage: bench/golden-diff.py OLD_COMMIT [NEW_COMMIT] [--dir blas-FINGERPRINT]
         (NEW defaults to the work tree; --dir compares the files of that BLAS fingerprint)
       bench/golden-diff.py --machines blas-FINGERPRINT
         (the work tree's files of the recording machines against those of that fingerprint)"""
import subprocess, sys, pathlib

def read(commit, name, sub=None):
    path = f"src/test/resources/golden/{sub + '/' if sub else ''}{name}"
    if commit is None:
        return pathlib.Path(path).read_text()
    return subprocess.run(["git", "show", f"{commit}:{path}"], capture_output=True, text=True, check=True).stdout

def header(line):
    table, _, rest = line[2:].partition(":")
    rest = rest.strip()
    return table, (None if rest in ("", "none") else rest.split("\t"))

def number(text):
    try:
        return float(text)
    except ValueError:
        return None

args = sys.argv[1:]
if args[0] == "--machines":
    # Both sides from the work tree: the recording machines' files, then the fingerprint's.
    old = new = old_sub = None
    new_sub = args[1]
else:
    old_sub = new_sub = args[args.index("--dir") + 1] if "--dir" in args else None
    commits = [a for a in args if a != "--dir" and a != old_sub]
    old, new = commits[0], (commits[1] if len(commits) > 1 else None)
for name in sorted(p.name for p in pathlib.Path("src/test/resources/golden", new_sub or "").glob("*.txt")):
    a, b = read(old, name, old_sub).splitlines(), read(new, name, new_sub).splitlines()
    assert len(a) == len(b), (name, "row counts differ")
    old_cols = new_cols = None
    changed = {}
    for x, y in zip(a, b):
        if x.startswith("# "):
            (table, old_cols), (other, new_cols) = header(x), header(y)
            assert table == other, (name, x, y)
            for col in (new_cols or []):
                if col not in (old_cols or []):
                    changed.setdefault(f"{table}.{col} (added)", set())
            for col in (old_cols or []):
                if col not in (new_cols or []):
                    changed[f"{table}.{col} (removed)"] = "removed"
            continue
        u_row = dict(zip(old_cols, x.split("\t")))
        v_row = dict(zip(new_cols, y.split("\t")))
        for col, v in v_row.items():
            if col not in u_row:
                changed[f"{table}.{col} (added)"].add(v)
                continue
            u = u_row[col]
            if u != v:
                fu, fv = number(u), number(v)
                rel = abs(fu - fv) / max(abs(fu), 1e-300) if fu is not None and fv is not None else float("inf")
                key = f"{table}.{col}"
                n, worst = changed.get(key, (0, 0.0))
                changed[key] = (n + 1, max(worst, rel))
    out = {}
    for k, v in changed.items():
        if isinstance(v, set):
            out[k] = f"values {sorted(v)}"
        elif isinstance(v, str):
            out[k] = v
        else:
            out[k] = f"{v[0]} rows, max relative change {v[1]:.1e}"
    print(name, out or "identical")
