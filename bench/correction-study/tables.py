#!/usr/bin/env python3
"""Markdown tables of the correction study (README, Correction study): ftsim's results under
$OUT/study-*/correction_study.csv beside the prototype's MNIST rows of its correction_performance.csv
(PROTOTYPE_CSV, from github.com/zyang37/Fault-Tolerance-Distributed-DNN-Training). Standard library
only."""
import csv
import os
import sys

here = os.path.dirname(os.path.abspath(__file__))
out = os.environ.get("OUT", os.path.join(here, "out"))
proto_csv = os.environ.get("PROTOTYPE_CSV", os.path.join(out, "correction_performance.csv"))
# The prototype's collections (its collect_data.sh and main.py's worker()) and ftsim's faults.
FAULTS = [("scale_10", "determ", "scale:10"), ("gaussian_1", "randm_proc", "gaussian:1"),
          ("random_1", "randm", "random:1")]
MODELS = [("linear", "LR"), ("mlp", "MLP10_10_200iter")]


def ftsim_rows(fault):
    path = os.path.join(out, "study-" + fault, "correction_study.csv")
    if not os.path.exists(path):
        return []
    with open(path) as f:
        return list(csv.DictReader(f))


def proto_rows():
    if not os.path.exists(proto_csv):
        sys.exit("no prototype CSV at " + proto_csv + " (set PROTOTYPE_CSV)")
    with open(proto_csv) as f:
        return [r for r in csv.DictReader(f) if r["dataset"] == "mnist"]


def name(model):
    return model.split(":")[0]


def g(x):
    return "%.3g" % float(x)


proto = proto_rows()
print("### Test error: ftsim beside the prototype (MNIST, MLP, d = 468,874)\n")
for fault, _, spec in FAULTS:
    rows = ftsim_rows(fault)
    if rows:
        print(f"True variance of the test coordinates ({spec} pairs): {g(rows[0]['true_variance'])}  ")
print()
print("| fault (prototype) | model | coverage | sample | ftsim test MSE | prototype MSE |"
      " ftsim MAPE | prototype MAPE | ftsim relative MAPE | ftsim MSE / true variance |")
print("|---|---|---|---|---|---|---|---|---|---|")
for fault, ptype, spec in FAULTS:
    rows = ftsim_rows(fault)
    for ours, theirs in MODELS:
        for r in rows:
            if name(r["model"]) != ours:
                continue
            p = [q for q in proto if q["noise_type"] == ptype and q["correction_model"] == theirs
                 and float(q["data_coverage"]) == float(r["coverage"])]
            pm = g(p[0]["mse"]) if p else "–"
            pa = g(p[0]["mape"]) if p else "–"
            print(f"| `{spec}` ({ptype}) | {ours} | {float(r['coverage']):.1f} | {r['sample_size']} |"
                  f" {g(r['test_mse'])} | {pm} | {g(r['mape'])} | {pa} |"
                  f" {g(r['relative_mape'])} |"
                  f" {float(r['test_mse']) / float(r['true_variance']):.4f} |")

print("\n### Fit time (s) against coverage at d = 468,874 (`scale:10` pairs)\n")
rows = ftsim_rows("scale_10")
models = []
for r in rows:
    if r["model"] not in models:
        models.append(r["model"])
coverages = sorted({float(r["coverage"]) for r in rows})
print("| coverage | sample | " + " | ".join(name(m) for m in models)
      + " | prototype LR | prototype MLP |")
print("|---" * (len(models) + 4) + "|")
for c in coverages:
    cells = []
    size = ""
    for m in models:
        r = [r for r in rows if r["model"] == m and float(r["coverage"]) == c][0]
        size = r["sample_size"]
        cells.append("%.3f" % float(r["fit_s"]))
    pl = [q for q in proto if q["noise_type"] == "determ" and float(q["data_coverage"]) == c]
    lr = [q for q in pl if q["correction_model"] == "LR"]
    mlp = [q for q in pl if q["correction_model"] == "MLP10_10_200iter"]
    print(f"| {c:.1f} | {size} | " + " | ".join(cells) + " | "
          + ("%.4f" % float(lr[0]["fit_time (s)"]) if lr else "–") + " | "
          + ("%.2f" % float(mlp[0]["fit_time (s)"]) if mlp else "–") + " |")
