#!/usr/bin/env bash
# Detection of unknown faulty workers (issue 17), reduced to what a 2-core machine affords:
# fashion-mnist, 16 workers of which 0-4 faulty, seed 1, --max-steps STEPS (default 80). For each
# fault setting, one run per detector with -df detect (the flagged workers dropped, k = the kept
# count), scored against the truth; and, per setting, the robust rules trimmed-mean and krum. The
# oracle -df drop ignores what the faulty workers send, so it is run once. Prints a markdown table.
#   bench/detection/run.sh                      # 80 steps
#   bench/detection/run.sh 40 "zscore" "scale:10"
# Arguments: steps, detectors, faults (space-separated lists); a fault setting is a --fault spec,
# optionally with +prob=P or +start=S for --fault-prob / --fault-start. Results go to a temporary
# folder; the logs are kept in it when KEEP=1.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
steps="${1:-80}"
detectors="${2:-zscore reputation cosine-split}"
settings="${3:-scale:10 signflip gaussian:1 alie labelflip scale:10+prob=0.3 scale:10+start=40}"
rules="${RULES:-trimmed-mean krum}"
common=(-d fashion-mnist -w 16 -f 0 1 2 3 4 --seed 1 --max-steps "$steps" --eval-every "$steps"
        --log-every 100000)
out="$(mktemp -d)"
"$here/ftsim" --help >/dev/null
grab() { grep -oE "$2" "$1" | head -1 | grep -oE '[-0-9.]+|NaN|-' | sed -n "${3:-1}p" || true; }
run() { # log, args...
  local log="$1"; shift
  "$here/ftsim" train "${common[@]}" "$@" -tb "$out/runs" > "$log" 2>&1 || true
}
acc() { local a; a=$(grab "$1" '^final [a-z]+: [-0-9.NaInf]+'); echo "${a:-failed: $(grep -m1 '^ftsim:' "$1" || tail -1 "$1")}"; }
ms() { grab "$1" '^time per step: [0-9.]+'; }
flags() { # setting -> fault flags
  local f="${1%%+*}" rest="" ; [[ "$1" == *+* ]] && rest="${1#*+}"
  echo "--fault $f"
  case "$rest" in prob=*) echo "--fault-prob ${rest#prob=}" ;; start=*) echo "--fault-start ${rest#start=}" ;; esac
}
run "$out/drop.log" -df drop
echo "oracle -df drop: final accuracy $(acc "$out/drop.log"), $(ms "$out/drop.log") ms per step"
echo
printf '| fault | detector | precision | recall | F1 | steps to detection (workers 0-4) | honest flags | -df detect: accuracy | ms/step |'
for r in $rules; do printf ' %s | ' "$r"; done
printf '\n|---|---|---|---|---|---|---|---|---|'
for r in $rules; do printf -- '---|'; done
printf '\n'
for s in $settings; do
  read -r -a fault <<< "$(flags "$s" | tr '\n' ' ')"
  tag="$(echo "$s" | tr ':/,=+' '_____')"
  robust=()
  for r in $rules; do
    run "$out/$tag-$r.log" "${fault[@]}" -df "$r"
    robust+=("$(acc "$out/$tag-$r.log")")
  done
  for d in $detectors; do
    log="$out/$tag-$d.log"
    run "$log" "${fault[@]}" --detect "$d" -df detect
    line="$(grep -m1 '^detection (' "$log" || true)"
    p=$(echo "$line" | grep -oE 'precision [-0-9.]+' | awk '{print $2}')
    r=$(echo "$line" | grep -oE 'recall [-0-9.]+' | awk '{print $2}')
    f1=$(echo "$line" | grep -oE 'F1 [-0-9.]+' | awk '{print $2}')
    delays=$(echo "$line" | grep -oE 'steps to detection \[[^]]*\]' | sed 's/steps to detection //')
    honest=$(echo "$line" | grep -oE '[0-9]+ flags of honest' | awk '{print $1}')
    printf '| `%s` | `%s` | %s | %s | %s | %s | %s | %s | %s |' "$s" "$d" "${p:--}" "${r:--}" \
      "${f1:--}" "${delays:--}" "${honest:--}" "$(acc "$log")" "$(ms "$log")"
    for a in "${robust[@]}"; do printf ' %s |' "$a"; done
    printf '\n'
  done
done
[[ "${KEEP:-0}" == 1 ]] && echo "logs: $out" || rm -rf "$out"
