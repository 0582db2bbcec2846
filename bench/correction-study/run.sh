#!/usr/bin/env bash
# The correction study of README (Correction study): collects the replica pairs (collect.sh), then
# runs ftsim correction-study on each with every regressor, writing
# $OUT/study-<fault>/correction_study.{csv,parquet} and the printed table $OUT/study-<fault>.txt.
# Then PROTOTYPE_CSV=path/to/correction_performance.csv bench/correction-study/tables.py puts the
# results beside the prototype's MNIST rows (its file: git show HEAD:correction_performance.csv in a
# clone of github.com/zyang37/Fault-Tolerance-Distributed-DNN-Training).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
export OUT="${OUT:-$here/bench/correction-study/out}"
MODELS="${MODELS:-linear,mllib-linear,mllib-gbt,mlp}"
"$here/bench/correction-study/collect.sh"
for pairs in "$OUT"/pairs-*; do
  name="${pairs##*/pairs-}"
  [[ -e "$OUT/study-$name" ]] && continue
  "$here/ftsim" correction-study "$pairs" --models "$MODELS" --seed 1 --out "$OUT/study-$name" \
    2> "$OUT/study-$name.log" | tee "$OUT/study-$name.txt"
done
