"""Helpers shared by ftsim's Jupyter notebook and Zeppelin note.

They read the result tables of `ftsim train -tb DIR` (SPEC section 8) into Spark SQL temporary
views, run the queries of queries/*.sql (the very files `ftsim report` runs) and draw the report's
charts with matplotlib: runs are labelled by the settings that distinguish them and, past twelve
runs, only the six best and six worst by final metric are coloured and named, as in the report.
"""

import json
import pathlib

QUERIES = pathlib.Path(__file__).resolve().parent / "queries"

# The schemas of org.ftsim.results.Tables, as StructType.toDDL() prints them (NotebooksTest checks).
SCHEMAS = {
    "runs": "run_id STRING NOT NULL,started_at TIMESTAMP NOT NULL,finished_at TIMESTAMP NOT NULL,"
    "status STRING NOT NULL,code_version STRING NOT NULL,config_json STRING NOT NULL,"
    "dataset STRING NOT NULL,arch STRING NOT NULL,workers INT NOT NULL,"
    "faulty ARRAY<INT> NOT NULL,fault STRING,defense STRING NOT NULL,correct BOOLEAN NOT NULL,"
    "seed BIGINT NOT NULL,global_batch_size INT NOT NULL,epochs INT NOT NULL,lr DOUBLE NOT NULL,"
    "final_metric DOUBLE,wall_s DOUBLE NOT NULL,last_step INT,error STRING",
    "steps": "run_id STRING NOT NULL,epoch INT NOT NULL,step INT NOT NULL,"
    "train_loss DOUBLE NOT NULL,lr DOUBLE NOT NULL,k INT NOT NULL,phase STRING NOT NULL,"
    "grad_ms DOUBLE NOT NULL,aggregate_ms DOUBLE NOT NULL,step_ms DOUBLE NOT NULL,"
    "broadcast_ms DOUBLE NOT NULL,compute_ms DOUBLE NOT NULL,update_ms DOUBLE NOT NULL",
    "evals": "run_id STRING NOT NULL,epoch INT NOT NULL,step INT NOT NULL,"
    "metric_name STRING NOT NULL,metric DOUBLE NOT NULL,test_loss DOUBLE NOT NULL,"
    "eval_ms DOUBLE NOT NULL",
    "workers": "run_id STRING NOT NULL,step INT NOT NULL,worker INT NOT NULL,batch INT NOT NULL,"
    "sub_batch_of INT NOT NULL,faulty BOOLEAN NOT NULL,fault STRING,used BOOLEAN NOT NULL,"
    "rule_suspicion DOUBLE,rule_score DOUBLE,grad_norm DOUBLE,"
    "loss DOUBLE NOT NULL,cos_to_honest_mean DOUBLE,corrected BOOLEAN NOT NULL,"
    "correction_error DOUBLE,flagged BOOLEAN,suspicion DOUBLE",
    "shards": "run_id STRING NOT NULL,worker INT NOT NULL,label INT NOT NULL,count INT NOT NULL",
    "corrections": "run_id STRING NOT NULL,step INT NOT NULL,worker INT NOT NULL,"
    "model STRING NOT NULL,fit_step INT NOT NULL,train_mse DOUBLE,train_mape DOUBLE,"
    "true_error DOUBLE,fit_ms DOUBLE NOT NULL",
    "detections": "run_id STRING NOT NULL,detector STRING NOT NULL,steps INT NOT NULL,"
    "precision DOUBLE,recall DOUBLE,f1 DOUBLE,true_flags BIGINT NOT NULL,"
    "false_flags BIGINT NOT NULL,missed BIGINT NOT NULL,honest_flags BIGINT NOT NULL,"
    "faulty_workers ARRAY<INT> NOT NULL,delays ARRAY<INT> NOT NULL,detected INT NOT NULL,"
    "mean_delay DOUBLE,extra_gradients BIGINT NOT NULL",
}

# The configuration's groups whose keys name themselves (as org.ftsim.report.RunLabels).
SELF_NAMED_GROUPS = {"run", "data", "training", "faults", "defense"}

# Configuration keys that never change a run's numbers (as org.ftsim.report.RunLabels).
IGNORED = {"runId", "resultsDir", "dataDir", "master", "proc", "logEvery", "device"}
MAX_LABEL = 80
MAX_COLOURED = 12
MAX_PANELS = 6
PALETTE = ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948",
           "#b07aa1", "#ff9da7", "#9c755f", "#7f7f7f", "#1f3a93", "#2ca02c"]
OTHER = "#c8c8c8"
PHASES = {"normal": "#9a9a9a", "replica": "#f28e2b", "corrected": "#59a14f"}


def register(spark, results, runs=None):
    """Registers runs, steps, evals, workers, shards and corrections as temporary views.

    A table no run wrote (corrections without --correct) is an empty view; `runs` (a list of run
    ids) restricts every view to those runs, as `ftsim report --runs` does.
    """
    from pyspark.sql import functions as F
    from pyspark.sql.utils import AnalysisException

    for name, ddl in SCHEMAS.items():
        try:
            table = spark.read.schema(ddl).parquet(f"{results}/{name}")
        except AnalysisException:  # no such table
            table = spark.createDataFrame([], ddl)
        if runs:
            table = table.where(F.col("run_id").isin(list(runs)))
        table.createOrReplaceTempView(name)


def query(spark, name):
    """The DataFrame of queries/NAME.sql over the registered views."""
    return spark.sql((QUERIES / f"{name}.sql").read_text())


def flatten(config_json):
    """A run's configuration as dotted key -> compact value (the self-named groups' keys without
    their group); an unreadable one as {}."""
    try:
        tree = json.loads(config_json or "{}")
    except ValueError:
        return {}
    out = {}

    def walk(prefix, node):
        if isinstance(node, dict) and node:
            for key, value in node.items():
                walk(f"{prefix}.{key}" if prefix and prefix not in SELF_NAMED_GROUPS else key,
                     value)
        elif prefix:
            if isinstance(node, (dict, list)):
                out[prefix] = json.dumps(node, separators=(",", ":"))
            elif isinstance(node, bool):
                out[prefix] = "true" if node else "false"
            else:
                out[prefix] = "null" if node is None else str(node)

    walk("", tree)
    return out


def labels(configs):
    """Run id -> label: the configuration keys whose values differ between the runs."""
    settings = {run: flatten(json_text) for run, json_text in configs.items()}
    keys = []
    for s in settings.values():
        keys += [k for k in s if k not in keys]
    differing = [k for k in keys if k not in IGNORED
                 and len({s.get(k, "null") for s in settings.values()}) > 1]
    raw = {}
    for run, s in settings.items():
        label = ", ".join(f"{k}={s.get(k, 'null')}" for k in differing)
        raw[run] = label if len(label) <= MAX_LABEL else label[:MAX_LABEL - 1] + "…"
    uses = {}
    for label in raw.values():
        uses[label] = uses.get(label, 0) + 1
    return {run: run if not label else f"{label} ({run})" if uses[label] > 1 else label
            for run, label in raw.items()}


def colours(runs):
    """Run id -> colour for rows of queries/runs.sql (dicts in run-id order).

    At most twelve runs are coloured: all of them, or the six best and six worst by final metric
    (higher accuracy, lower MSE; no final metric counts as worst). The others get OTHER (grey).
    """
    def score(r):
        m = r.get("final_metric")
        if m is None or m != m:
            return float("-inf")
        return -m if r.get("metric_name") == "mse" else m

    if len(runs) <= MAX_COLOURED:
        chosen = {r["run_id"] for r in runs}
    else:
        ranked = sorted(runs, key=score, reverse=True)
        half = MAX_COLOURED // 2
        chosen = {r["run_id"] for r in ranked[:half] + ranked[-half:]}
    palette = iter(PALETTE)
    return {r["run_id"]: next(palette) if r["run_id"] in chosen else OTHER for r in runs}


def panel_runs(runs, colour, qualifies=lambda r: True, prefer=lambda r: False):
    """At most six runs given a panel of their own: named runs first, then preferred ones."""
    eligible = [r for r in runs if qualifies(r)]
    eligible.sort(key=lambda r: (colour[r["run_id"]] == OTHER, not prefer(r), r["run_id"]))
    return [r["run_id"] for r in eligible[:MAX_PANELS]]


def plot_runs(ax, frame, y, label, colour, log=False):
    """One line per run of `frame` (run_id, step, y): named runs coloured, the others grey."""
    others = 0
    for run, rows in frame.groupby("run_id", sort=True):
        named = colour[run] != OTHER
        others += not named
        ax.plot(rows["step"], rows[y], color=colour[run], linewidth=1.8 if named else 0.8,
                zorder=2 if named else 1, label=label[run] if named else None,
                marker="s" if named and len(rows) <= 30 else None, markersize=3)
    if others:
        ax.plot([], [], color=OTHER, linewidth=0.8, label=f"{others} other runs")
    if log:
        ax.set_yscale("log")
    ax.set_xlabel("step")
    ax.grid(color="#e0e0e0")
    ax.legend(fontsize="small", loc="upper center", bbox_to_anchor=(0.5, -0.15), ncol=2)


def plot_norms(ax, frame, title):
    """Honest and faulty gradient norms of one run: median line, 10th-90th percentile band."""
    for kind, colour in (("honest", "#4e79a7"), ("faulty", "#e15759")):
        rows = frame[frame["workers"] == kind]
        if len(rows):
            ax.fill_between(rows["step"], rows["p10"], rows["p90"], color=colour, alpha=0.25)
            ax.plot(rows["step"], rows["p50"], color=colour,
                    label=f"{kind} workers (median, 10–90%)")
    ax.set_yscale("log")
    ax.set_title(title, fontsize="small")
    ax.set_xlabel("step")
    ax.set_ylabel("gradient norm")
    ax.legend(fontsize="x-small")


def plot_phases(ax, frame, workers, title):
    """k at every step of one run, coloured by phase."""
    for phase, colour in PHASES.items():
        rows = frame[frame["phase"] == phase]
        if len(rows):
            ax.scatter(rows["step"], rows["k"], s=6, color=colour, label=phase)
    ax.set_ylim(0, workers + 1)
    ax.set_title(title, fontsize="small")
    ax.set_xlabel("step")
    ax.set_ylabel("k (gradients aggregated)")
    ax.legend(fontsize="x-small")
