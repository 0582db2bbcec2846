#!/usr/bin/env bash
# ftsim on Kubernetes (cluster mode: the driver runs in a pod), from an image built with
# submit/k8s/Dockerfile, which holds target/ftsim.jar and target/lib:
#
#   SPARK_HOME=/opt/spark submit/k8s.sh k8s://https://apiserver:6443 registry/ftsim:0.1.0 \
#     [spark-submit options] -- train -d mnist -w 64 -f 0 1 2 3 4 --data-dir /data -tb /results/runs
#
# The pod template (submit/k8s/pod-template.yaml) mounts the claims ftsim-data at /data (read by
# the driver) and ftsim-results at /results (written by the executors: ReadWriteMany), or pass an
# s3a:// or hdfs:// -tb instead. The driver's console lines are in its pod's log. The service
# account (FTSIM_K8S_SERVICE_ACCOUNT, default spark) must be allowed to create pods. --dry-run as the
# first argument prints the spark-submit command instead of running it.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
dry=()
if [[ "${1:-}" == "--dry-run" ]]; then dry=(--dry-run); shift; fi
master="${1:-}"
image="${2:-}"
if [[ ! "$master" =~ ^k8s://.+ ]]; then
  echo "k8s.sh: the first argument must be the API server, k8s://https://host:port; got '$master'" >&2
  exit 2
fi
if [[ -z "$image" || "$image" == -* ]]; then
  echo "k8s.sh: the second argument must be the ftsim image (built with submit/k8s/Dockerfile); got '$image'" >&2
  exit 2
fi
shift 2
export FTSIM_APP_JAR=local:///opt/ftsim/ftsim.jar
export FTSIM_LIBS_IN=/opt/ftsim/lib
exec "$here/spark-submit.sh" "${dry[@]}" --master "$master" --deploy-mode cluster \
  --conf "spark.kubernetes.container.image=$image" \
  --conf "spark.kubernetes.driver.podTemplateFile=$here/k8s/pod-template.yaml" \
  --conf "spark.kubernetes.executor.podTemplateFile=$here/k8s/pod-template.yaml" \
  --conf "spark.kubernetes.authenticate.driver.serviceAccountName=${FTSIM_K8S_SERVICE_ACCOUNT:-spark}" \
  --conf "spark.executor.cores=${FTSIM_EXECUTOR_CORES:-2}" "$@"
