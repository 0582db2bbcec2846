package org.ftsim.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
}
