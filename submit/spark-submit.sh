#!/usr/bin/env bash
# Submits ftsim to a Spark cluster with spark-submit:
#
#   submit/spark-submit.sh --master spark://host:7077 -- train -d mnist -w 16 -f 0 1 2 3 4
#   submit/spark-submit.sh --master yarn --deploy-mode cluster -- train -d mnist -w 64 -tb hdfs:///ftsim/runs
#
# Everything before "--" goes to spark-submit, everything after it to ftsim. The thin jar
# (target/ftsim.jar) is the application; its dependencies except Spark (target/lib: DL4J, ND4J
# with its native libraries, args4j) ship with --jars. The Java 17 flags of submit/java17.args go to
# the driver and the executors, and ND4J runs one OpenMP thread per task. With SPARK_HOME unset,
# Spark's own SparkSubmit runs from the Maven-resolved jars (handy for --master local[N]).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

submit_args=()
while [[ $# -gt 0 && "$1" != "--" ]]; do submit_args+=("$1"); shift; done
[[ $# -gt 0 ]] && shift

if [[ ! -f "$here/target/ftsim.jar" || ! -d "$here/target/lib" ]]; then
  (cd "$here" && mvn -q -B -DskipTests -Dspotless.check.skip=true package) >&2
fi

jvm_flags="$(grep -v '^#' "$here/submit/java17.args" | tr '\n' ' ')"
jars="$(find "$here/target/lib" -name '*.jar' | sort | paste -sd, -)"

conf=(
  --class org.ftsim.cli.Main
  --jars "$jars"
  --conf "spark.driver.extraJavaOptions=$jvm_flags"
  --conf "spark.executor.extraJavaOptions=$jvm_flags"
  --conf "spark.executorEnv.OMP_NUM_THREADS=1"
  --conf "spark.yarn.appMasterEnv.OMP_NUM_THREADS=1"
  # ND4J allocates its arrays off-heap, where Spark does not look.
  --conf "spark.executor.memoryOverhead=${FTSIM_EXECUTOR_OVERHEAD:-2g}"
  --conf "spark.driver.memoryOverhead=${FTSIM_DRIVER_OVERHEAD:-2g}"
  --conf "spark.task.maxDirectResultSize=120m"
  --conf "spark.driver.maxResultSize=4g"
  --conf "spark.broadcast.compress=false"
  --conf "spark.speculation=false"
  --conf "spark.yarn.maxAppAttempts=1"
)

if [[ -n "${SPARK_HOME:-}" ]]; then
  exec "$SPARK_HOME/bin/spark-submit" "${conf[@]}" "${submit_args[@]}" "$here/target/ftsim.jar" "$@"
fi
cp="$(cat "$here/target/classpath.txt")"
export OMP_NUM_THREADS="${OMP_NUM_THREADS:-1}"
exec java @"$here/submit/java17.args" -XX:+UseParallelGC -cp "$cp" org.apache.spark.deploy.SparkSubmit \
  "${conf[@]}" "${submit_args[@]}" "$here/target/ftsim.jar" "$@"
