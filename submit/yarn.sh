#!/usr/bin/env bash
# ftsim on YARN:
#
#   HADOOP_CONF_DIR=/etc/hadoop/conf SPARK_HOME=/opt/spark submit/yarn.sh [spark-submit options] \
#     -- train -d mnist -w 64 -f 0 1 2 3 4 --data-dir /data -tb hdfs:///user/me/ftsim/runs
#
# Client mode by default: the driver runs here, prints the console lines here and reads
# --data-dir here. FTSIM_DEPLOY_MODE=cluster runs the driver in a YARN container; the datasets must
# then travel with it, e.g. `--archives mnist.tgz#data` before "--" and `--data-dir data` after it.
# -tb must be on HDFS (or another file system every node sees): the executors write the Parquet
# files. One application attempt (a retried attempt would append rows twice); executors lost to
# preemption are replaced and their tasks recomputed with the same results. --dry-run as the first
# argument prints the spark-submit command instead of running it.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
dry=()
if [[ "${1:-}" == "--dry-run" ]]; then dry=(--dry-run); shift; fi
if [[ -z "${HADOOP_CONF_DIR:-}${YARN_CONF_DIR:-}" ]]; then
  echo "yarn.sh: set HADOOP_CONF_DIR (or YARN_CONF_DIR) to the cluster's Hadoop configuration folder" >&2
  exit 2
fi
mode="${FTSIM_DEPLOY_MODE:-client}"
if [[ "$mode" != client && "$mode" != cluster ]]; then
  echo "yarn.sh: FTSIM_DEPLOY_MODE must be client or cluster; got '$mode'" >&2
  exit 2
fi
exec "$here/spark-submit.sh" "${dry[@]}" --master yarn --deploy-mode "$mode" \
  --conf "spark.executor.cores=${FTSIM_EXECUTOR_CORES:-2}" \
  --conf spark.yarn.maxAppAttempts=1 "$@"
