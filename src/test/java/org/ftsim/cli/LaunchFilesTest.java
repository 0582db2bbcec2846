package org.ftsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * submit/java17.args is the one list of JVM flags Spark needs on Java 17: surefire, ./ftsim and
 * submit/spark-submit.sh read it; the spark-defaults template must carry the same flags.
 */
class LaunchFilesTest {

  static List<String> flags() throws IOException {
    return Files.readAllLines(Path.of("submit/java17.args")).stream()
        .map(String::strip)
        .filter(l -> !l.isEmpty() && !l.startsWith("#"))
        .toList();
  }

  @Test
  void theFlagFileHasTheWholeJava17Set() throws IOException {
    List<String> flags = flags();
    for (String pkg :
        List.of(
            "java.lang",
            "java.lang.invoke",
            "java.lang.reflect",
            "java.io",
            "java.net",
            "java.nio",
            "java.util",
            "java.util.concurrent",
            "java.util.concurrent.atomic",
            "jdk.internal.ref",
            "sun.nio.ch",
            "sun.nio.cs",
            "sun.security.action",
            "sun.util.calendar")) {
      assertTrue(flags.contains("--add-opens=java.base/" + pkg + "=ALL-UNNAMED"), pkg);
    }
    assertTrue(flags.contains("-Djdk.reflect.useDirectMethodHandle=false"));
  }

  @Test
  void launchersUseTheFlagFileAndTheTemplateCarriesItsFlags() throws IOException {
    assertTrue(Files.readString(Path.of("ftsim")).contains("submit/java17.args"));
    assertTrue(Files.readString(Path.of("submit/spark-submit.sh")).contains("submit/java17.args"));
    assertTrue(Files.readString(Path.of("pom.xml")).contains("submit/java17.args"));
    List<String> template = Files.readAllLines(Path.of("submit/spark-defaults.conf.template"));
    for (String key : List.of("spark.driver.extraJavaOptions", "spark.executor.extraJavaOptions")) {
      String line = template.stream().filter(l -> l.startsWith(key)).findFirst().orElseThrow();
      for (String flag : flags()) {
        assertTrue(line.contains(flag), key + " lacks " + flag);
      }
    }
    assertFalse(
        template.stream().anyMatch(l -> l.contains("spark.speculation") && l.contains("true")));
  }

  /** What a script printed and its exit status. */
  record Result(int status, List<String> out, String err) {}

  static Result script(Map<String, String> env, String... command)
      throws IOException, InterruptedException {
    List<String> full = new ArrayList<>(List.of("bash"));
    full.addAll(List.of(command));
    ProcessBuilder builder = new ProcessBuilder(full);
    builder.environment().remove("HADOOP_CONF_DIR");
    builder.environment().remove("YARN_CONF_DIR");
    builder.environment().putAll(env);
    Process p = builder.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    return new Result(p.waitFor(), out.lines().toList(), err);
  }

  /** The value following {@code --conf key=} in a dry run's command, or null. */
  static String conf(List<String> command, String key) {
    for (int i = 0; i + 1 < command.size(); i++) {
      if (command.get(i).equals("--conf") && command.get(i + 1).startsWith(key + "=")) {
        return command.get(i + 1).substring(key.length() + 1);
      }
    }
    return null;
  }

  static String after(List<String> command, String flag) {
    return command.get(command.indexOf(flag) + 1);
  }

  static void assertCommon(List<String> command) throws IOException {
    assertEquals("spark-submit", command.get(0));
    assertEquals("org.ftsim.cli.Main", after(command, "--class"));
    for (String key : List.of("spark.driver.extraJavaOptions", "spark.executor.extraJavaOptions")) {
      for (String flag : flags()) {
        assertTrue(conf(command, key).contains(flag), key + " lacks " + flag);
      }
    }
    assertEquals("1", conf(command, "spark.executorEnv.OMP_NUM_THREADS"));
    assertEquals("false", conf(command, "spark.speculation"));
    assertEquals("1", conf(command, "spark.yarn.maxAppAttempts"));
    // ftsim's own arguments come last, after the application jar
    assertEquals(List.of("train", "-w", "4"), command.subList(command.size() - 3, command.size()));
  }

  /** A script's --dry-run command, checked for what every script passes. */
  static List<String> dryRun(Map<String, String> env, String... command) throws Exception {
    Result r = script(env, command);
    assertEquals(0, r.status(), r.err());
    assertCommon(r.out());
    return r.out();
  }

  @Test
  void standaloneSubmitsInClientModeWithTheJarsAndFlags() throws Exception {
    List<String> r =
        dryRun(
            Map.of(),
            "submit/standalone.sh",
            "--dry-run",
            "spark://head:7077",
            "--executor-memory",
            "4g",
            "--",
            "train",
            "-w",
            "4");
    assertEquals("spark://head:7077", after(r, "--master"));
    assertEquals("client", after(r, "--deploy-mode"));
    assertEquals("4g", after(r, "--executor-memory"));
    assertEquals("2", conf(r, "spark.executor.cores"));
    assertTrue(r.get(r.size() - 4).endsWith("target/ftsim.jar"));
    for (String jar : after(r, "--jars").split(",")) {
      assertTrue(jar.contains("/target/lib/"), jar);
    }
  }

  @Test
  void yarnNeedsTheHadoopConfigurationAndOneAttempt() throws Exception {
    Result missing = script(Map.of(), "submit/yarn.sh", "--", "train", "-w", "4");
    assertEquals(2, missing.status());
    assertEquals(1, missing.err().lines().count(), missing.err());
    assertTrue(missing.err().contains("HADOOP_CONF_DIR"), missing.err());

    Map<String, String> env = Map.of("HADOOP_CONF_DIR", "/etc/hadoop/conf");
    List<String> r = dryRun(env, "submit/yarn.sh", "--dry-run", "--", "train", "-w", "4");
    assertEquals("yarn", after(r, "--master"));
    assertEquals("client", after(r, "--deploy-mode"));

    Result bad =
        script(
            Map.of("HADOOP_CONF_DIR", "/etc/hadoop/conf", "FTSIM_DEPLOY_MODE", "both"),
            "submit/yarn.sh",
            "--",
            "train");
    assertEquals(2, bad.status());
    assertEquals(
        "yarn.sh: FTSIM_DEPLOY_MODE must be client or cluster; got 'both'", bad.err().strip());
  }

  @Test
  void kubernetesUsesTheImagesJarsAndThePodTemplate() throws Exception {
    List<String> r =
        dryRun(
            Map.of(),
            "submit/k8s.sh",
            "--dry-run",
            "k8s://https://api:6443",
            "registry/ftsim:1",
            "--",
            "train",
            "-w",
            "4");
    assertEquals("k8s://https://api:6443", after(r, "--master"));
    assertEquals("cluster", after(r, "--deploy-mode"));
    assertEquals("registry/ftsim:1", conf(r, "spark.kubernetes.container.image"));
    assertEquals("local:///opt/ftsim/ftsim.jar", r.get(r.size() - 4));
    for (String jar : after(r, "--jars").split(",")) {
      assertTrue(jar.startsWith("local:///opt/ftsim/lib/"), jar);
    }
    for (String key :
        List.of(
            "spark.kubernetes.driver.podTemplateFile",
            "spark.kubernetes.executor.podTemplateFile")) {
      assertTrue(Files.isRegularFile(Path.of(conf(r, key))), key);
    }
    // the image holds what k8s.sh points at
    String docker = Files.readString(Path.of("submit/k8s/Dockerfile"));
    assertTrue(docker.contains("COPY target/lib/ /opt/ftsim/lib/"), docker);
    assertTrue(docker.contains("COPY target/ftsim.jar /opt/ftsim/ftsim.jar"), docker);
    assertTrue(docker.contains("FROM apache/spark:3.5"), docker);

    Result bad = script(Map.of(), "submit/k8s.sh", "https://api:6443", "img", "--", "train");
    assertEquals(2, bad.status());
    assertEquals(1, bad.err().lines().count(), bad.err());
    assertTrue(bad.err().startsWith("k8s.sh: the first argument must be the API server"));
    Result noImage = script(Map.of(), "submit/k8s.sh", "k8s://https://api:6443", "--", "train");
    assertEquals(2, noImage.status());
    assertTrue(noImage.err().contains("the second argument must be the ftsim image"));
  }

  @Test
  void standaloneRejectsAnotherMaster() throws Exception {
    Result r = script(Map.of(), "submit/standalone.sh", "local[2]", "--", "train");
    assertEquals(2, r.status());
    assertEquals(
        "standalone.sh: the first argument must be the master URL, spark://host:port; got 'local[2]'",
        r.err().strip());
  }

  /** FTSIM_DRIVER_JAVA_OPTS reaches the driver's options, and only the driver's. */
  @Test
  void driverJavaOptionsGoToTheDriverOnly() throws Exception {
    List<String> r =
        dryRun(
            Map.of("FTSIM_DRIVER_JAVA_OPTS", "--add-modules jdk.incubator.vector"),
            "submit/spark-submit.sh",
            "--dry-run",
            "--master",
            "local[2]",
            "--",
            "train",
            "-w",
            "4");
    assertTrue(
        conf(r, "spark.driver.extraJavaOptions")
            .endsWith("-XX:GCTimeRatio=9 --add-modules jdk.incubator.vector"),
        conf(r, "spark.driver.extraJavaOptions"));
    assertFalse(conf(r, "spark.executor.extraJavaOptions").contains("incubator"));
  }

  @Test
  void theDefaultsTemplateSaysWhatTheScriptSays() throws Exception {
    Result r =
        script(Map.of(), "submit/spark-submit.sh", "--dry-run", "--master", "local[2]", "--", "x");
    assertEquals(0, r.status(), r.err());
    List<String> template = Files.readAllLines(Path.of("submit/spark-defaults.conf.template"));
    for (int i = 0; i + 1 < r.out().size(); i++) {
      if (r.out().get(i).equals("--conf")) {
        String[] kv = r.out().get(i + 1).split("=", 2);
        String line =
            template.stream()
                .filter(l -> l.startsWith(kv[0] + " "))
                .findFirst()
                .orElseThrow(() -> new AssertionError("the template lacks " + kv[0]));
        assertEquals(kv[1], line.substring(kv[0].length()).strip(), kv[0]);
      }
    }
  }
}
