#!/usr/bin/env bash
# Collects the replica pairs of the correction study (README, Correction study): MNIST with the
# MLP, 4 workers (the prototype's collect_data.sh), worker 0 faulty, 3 replica steps, seed 1; one
# Parquet per fault under $OUT (default bench/correction-study/out). The prototype's three
# collections: determ = scale:10, randm_proc = gaussian:1 (g + N(0, 1)), randm = random:1.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
OUT="${OUT:-$here/bench/correction-study/out}"
mkdir -p "$OUT"
for fault in scale:10 gaussian:1 random:1; do
  name="${fault//[:.]/_}"
  [[ -e "$OUT/pairs-$name" ]] && continue
  "$here/ftsim" train -d mnist -w 4 -f 0 --fault "$fault" --correct --replica-steps 3 \
    --seed 1 -tb "$OUT/runs" --data_coll_path "$OUT/pairs-$name"
done
