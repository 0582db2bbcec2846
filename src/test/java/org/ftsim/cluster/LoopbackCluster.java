package org.ftsim.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A Spark standalone cluster on loopback: a master and one worker, each its own JVM, started from a
 * {@code SPARK_HOME} assembled out of the Maven-resolved jars. The worker launches executor JVMs
 * the way it does on a real cluster: from {@code SPARK_HOME/jars}, which holds Spark and its
 * dependencies only, so DL4J, ND4J and its native libraries reach the executors through {@code
 * --jars} exactly as {@code submit/spark-submit.sh} sends them.
 *
 * <p>Needs {@code target/classpath.txt}, {@code target/lib} and {@code target/ftsim.jar} (the
 * package phase): run by failsafe.
 */
final class LoopbackCluster implements AutoCloseable {

  /**
   * The jars of target/lib (what ftsim ships with --jars) that Spark itself depends on, so that a
   * Spark distribution has them too (`mvn dependency:tree`); the rest of target/lib stays out of
   * SPARK_HOME/jars.
   */
  private static final Pattern SHARED_WITH_SPARK =
      Pattern.compile("(commons-io|commons-lang3|commons-math3|flatbuffers-java|gson)-[0-9].*");

  private static final Pattern MASTER_URL =
      Pattern.compile("Starting Spark master at (spark://[^\\s]+)");

  final Path root;
  final Path sparkHome;
  final Path workDir;
  final String masterUrl;
  private final Process master;
  private final Process worker;

  /** Starts a master and a worker offering {@code cores} cores and {@code memory} (e.g. "4g"). */
  LoopbackCluster(Path project, Path root, int cores, String memory)
      throws IOException, InterruptedException {
    this.root = root;
    this.sparkHome = root.resolve("spark-home");
    this.workDir = root.resolve("work");
    Files.createDirectories(sparkHome.resolve("jars"));
    Files.createDirectories(sparkHome.resolve("conf"));
    Files.createDirectories(workDir);
    String classpath =
        Files.readString(project.resolve("target/classpath.txt"), StandardCharsets.UTF_8).strip();
    Set<String> shipped;
    try (Stream<Path> lib = Files.list(project.resolve("target/lib"))) {
      shipped = lib.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
    }
    for (String entry : classpath.split(java.io.File.pathSeparator)) {
      Path jar = Path.of(entry);
      String name = jar.getFileName().toString();
      if (!shipped.contains(name) || SHARED_WITH_SPARK.matcher(name).matches()) {
        Path link = sparkHome.resolve("jars").resolve(jar.getFileName());
        if (!Files.exists(link)) {
          Files.createSymbolicLink(link, jar.toAbsolutePath());
        }
      }
    }
    Path jvmFlags = project.resolve("submit/java17.args");
    master =
        start(
            "master",
            jvmFlags,
            "org.apache.spark.deploy.master.Master",
            "--host",
            "127.0.0.1",
            "--port",
            "0",
            "--webui-port",
            "0");
    masterUrl = await(root.resolve("master.log"), MASTER_URL, master);
    await(root.resolve("master.log"), Pattern.compile("(I have been elected leader)"), master);
    worker =
        start(
            "worker",
            jvmFlags,
            "org.apache.spark.deploy.worker.Worker",
            "--host",
            "127.0.0.1",
            "--port",
            "0",
            "--webui-port",
            "0",
            "--cores",
            String.valueOf(cores),
            "--memory",
            memory,
            "--work-dir",
            workDir.toString(),
            masterUrl);
    await(
        root.resolve("worker.log"),
        Pattern.compile("(Successfully registered with master)"),
        worker);
  }

  private Process start(String name, Path jvmFlags, String mainClass, String... args)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("@" + jvmFlags);
    command.add("-Xmx512m");
    command.add("-cp");
    command.add(sparkHome.resolve("jars") + "/*");
    command.add(mainClass);
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.redirectOutput(root.resolve(name + ".log").toFile());
    builder.environment().put("SPARK_HOME", sparkHome.toString());
    builder.environment().put("SPARK_CONF_DIR", sparkHome.resolve("conf").toString());
    builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    // The executor launcher reads the Scala version from a source build's folders otherwise.
    builder.environment().put("SPARK_SCALA_VERSION", "2.12");
    return builder.start();
  }

  /** Waits (up to 60 s) for a line of {@code log} matching {@code pattern}; returns group 1. */
  private static String await(Path log, Pattern pattern, Process process)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      if (Files.exists(log)) {
        Matcher m = pattern.matcher(Files.readString(log, StandardCharsets.UTF_8));
        if (m.find()) {
          return m.group(1);
        }
      }
      if (!process.isAlive()) {
        break;
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException(
        "no '"
            + pattern
            + "' in "
            + log
            + ":\n"
            + (Files.exists(log) ? Files.readString(log) : ""));
  }

  /** The executor JVMs running now (children of the worker). */
  List<ProcessHandle> executors() {
    return worker
        .descendants()
        .filter(ProcessHandle::isAlive)
        .filter(
            p ->
                p.info()
                    .commandLine()
                    .map(c -> c.contains("CoarseGrainedExecutorBackend"))
                    .orElse(false))
        .toList();
  }

  /** A running executor that has finished tasks (its log says so), if there is one. */
  Optional<ProcessHandle> executorThatRanTasks() throws IOException {
    for (ProcessHandle p : executors()) {
      String command = p.info().commandLine().orElse("");
      Matcher app = Pattern.compile("--app-id (\\S+)").matcher(command);
      Matcher id = Pattern.compile("--executor-id (\\S+)").matcher(command);
      if (app.find() && id.find()) {
        Path log = workDir.resolve(app.group(1)).resolve(id.group(1)).resolve("stderr");
        if (Files.exists(log)
            && Files.readString(log, StandardCharsets.UTF_8).contains("Finished task")) {
          return Optional.of(p);
        }
      }
    }
    return Optional.empty();
  }

  /** The ids of the executors the worker has launched for the latest application. */
  List<String> executorsOfLatestApp() throws IOException {
    Path latest;
    try (Stream<Path> apps = Files.list(workDir)) {
      latest = apps.max(Comparator.comparing(Path::toString)).orElse(null);
    }
    if (latest == null) {
      return List.of();
    }
    try (Stream<Path> executors = Files.list(latest)) {
      return executors.map(e -> e.getFileName().toString()).sorted().toList();
    }
  }

  /** What the executors of the last application wrote to stderr, for failure messages. */
  String executorLogs() throws IOException {
    StringBuilder all = new StringBuilder();
    try (Stream<Path> files = Files.walk(workDir)) {
      for (Path f : files.filter(p -> p.getFileName().toString().equals("stderr")).toList()) {
        String text = Files.readString(f, StandardCharsets.UTF_8);
        all.append("== ").append(f).append('\n');
        all.append(text, Math.max(0, text.length() - 4000), text.length());
      }
    }
    return all.toString();
  }

  @Override
  public void close() throws InterruptedException {
    for (Process p : List.of(worker, master)) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
      p.waitFor(30, TimeUnit.SECONDS);
    }
  }
}
