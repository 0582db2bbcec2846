#!/usr/bin/env bash
# Submits ftsim with spark-submit; standalone.sh, yarn.sh and k8s.sh add what their cluster manager
# needs and call this script. Usable on its own:
#
#   submit/spark-submit.sh --master local[4] -- train -d mnist -w 16 -f 0 1 2 3 4
#   submit/spark-submit.sh --dry-run --master spark://host:7077 -- train ...   # print, don't run
#
# Everything before "--" goes to spark-submit, everything after it to ftsim. The thin jar
# (target/ftsim.jar) is the application; its dependencies except Spark (target/lib: DL4J, ND4J
# with its native libraries inside its jars, args4j, JFreeChart) ship with --jars, and JavaCPP
# unpacks the natives on each executor. The Java 17 flags of submit/java17.args go to the driver
# and the executors, and ND4J runs one OpenMP thread per task. With SPARK_HOME unset, Spark's own
# SparkSubmit runs from the Maven-resolved jars (local masters and spark:// clusters).
#
# Environment: FTSIM_APP_JAR (default target/ftsim.jar; k8s.sh: a local:// path in the image),
# FTSIM_LIBS_IN (a folder holding target/lib's jars where the driver and executors run, e.g. in a
# container image; default: ship target/lib), FTSIM_EXECUTOR_OVERHEAD, FTSIM_DRIVER_OVERHEAD,
# FTSIM_DRIVER_JAVA_OPTS (more JVM options for the driver, e.g. "--add-modules
# jdk.incubator.vector": README, Performance).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

dry_run=0
if [[ "${1:-}" == "--dry-run" ]]; then dry_run=1; shift; fi
submit_args=()
while [[ $# -gt 0 && "$1" != "--" ]]; do submit_args+=("$1"); shift; done
[[ $# -gt 0 ]] && shift

if [[ $dry_run == 0 && ( ! -f "$here/target/ftsim.jar" || ! -d "$here/target/lib" ) ]]; then
  (cd "$here" && mvn -q -B -DskipTests -Dspotless.check.skip=true package) >&2
fi

app_jar="${FTSIM_APP_JAR:-$here/target/ftsim.jar}"
if [[ -d "$here/target/lib" ]]; then
  names="$(cd "$here/target/lib" && ls -1 -- *.jar | sort)"
else
  names="*.jar" # a dry run before the first build
fi
if [[ -n "${FTSIM_LIBS_IN:-}" ]]; then
  jars="$(printf '%s\n' $names | sed "s|^|local://${FTSIM_LIBS_IN%/}/|" | paste -sd, -)"
else
  jars="$(printf '%s\n' $names | sed "s|^|$here/target/lib/|" | paste -sd, -)"
fi

# ParallelGC: gradients are large short-lived arrays, which G1 allocates as humongous objects.
jvm_flags="$(grep -v '^#' "$here/submit/java17.args" | tr '\n' ' ')-XX:+UseParallelGC -XX:GCTimeRatio=9"

conf=(
  --class org.ftsim.cli.Main
  --jars "$jars"
  --conf "spark.driver.extraJavaOptions=$jvm_flags${FTSIM_DRIVER_JAVA_OPTS:+ $FTSIM_DRIVER_JAVA_OPTS}"
  --conf "spark.executor.extraJavaOptions=$jvm_flags"
  --conf "spark.executorEnv.OMP_NUM_THREADS=1"
  --conf "spark.yarn.appMasterEnv.OMP_NUM_THREADS=1"
  --conf "spark.kubernetes.driverEnv.OMP_NUM_THREADS=1"
  # ND4J allocates its arrays off-heap, where Spark does not look.
  --conf "spark.executor.memoryOverhead=${FTSIM_EXECUTOR_OVERHEAD:-2g}"
  --conf "spark.driver.memoryOverhead=${FTSIM_DRIVER_OVERHEAD:-2g}"
  --conf "spark.task.maxDirectResultSize=120m"
  --conf "spark.driver.maxResultSize=4g"
  --conf "spark.broadcast.compress=false"
  --conf "spark.speculation=false"
  --conf "spark.yarn.maxAppAttempts=1"
)

if [[ $dry_run == 1 ]]; then
  printf '%s\n' spark-submit "${conf[@]}" "${submit_args[@]}" "$app_jar" "$@"
  exit 0
fi
if [[ -n "${SPARK_HOME:-}" ]]; then
  exec "$SPARK_HOME/bin/spark-submit" "${conf[@]}" "${submit_args[@]}" "$app_jar" "$@"
fi
cp="$(cat "$here/target/classpath.txt")"
export OMP_NUM_THREADS="${OMP_NUM_THREADS:-1}"
exec java @"$here/submit/java17.args" -XX:+UseParallelGC -XX:GCTimeRatio=9 ${FTSIM_DRIVER_JAVA_OPTS:-} \
  -cp "$cp" org.apache.spark.deploy.SparkSubmit \
  "${conf[@]}" "${submit_args[@]}" "$app_jar" "$@"
