#!/usr/bin/env bash
# ftsim on a Spark standalone cluster, the driver on this machine (client mode):
#
#   SPARK_HOME=/opt/spark submit/standalone.sh spark://master:7077 [spark-submit options] \
#     -- train -d mnist -w 64 -f 0 1 2 3 4 --data-dir /data -tb /shared/ftsim/runs
#
# -tb must be a folder every executor can write (NFS, HDFS, s3a): the executors write the Parquet
# files. --data-dir is read by the driver only. FTSIM_EXECUTOR_CORES (default 2) sets the cores, and
# thus the simultaneous tasks, of each executor; ND4J uses one thread per task. --dry-run as the
# first argument prints the spark-submit command instead of running it.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
dry=()
if [[ "${1:-}" == "--dry-run" ]]; then dry=(--dry-run); shift; fi
master="${1:-}"
if [[ ! "$master" =~ ^spark://[^/]+$ ]]; then
  echo "standalone.sh: the first argument must be the master URL, spark://host:port; got '$master'" >&2
  exit 2
fi
shift
exec "$here/spark-submit.sh" "${dry[@]}" --master "$master" --deploy-mode client \
  --conf "spark.executor.cores=${FTSIM_EXECUTOR_CORES:-2}" "$@"
