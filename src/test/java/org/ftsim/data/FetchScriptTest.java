package org.ftsim.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * data/fetch without the network: its usage error, and an archive already in place that fails the
 * published MD5 (a download is never attempted when the archive is there).
 */
class FetchScriptTest {

  @TempDir Path dir;

  static String[] fetch(String... args) throws IOException, InterruptedException {
    String[] command = new String[args.length + 2];
    command[0] = "bash";
    command[1] = "data/fetch";
    System.arraycopy(args, 0, command, 2, args.length);
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return new String[] {String.valueOf(p.waitFor()), output};
  }

  @Test
  void unknownDatasetIsAUsageError() throws Exception {
    String[] r = fetch("mnist");
    assertEquals("2", r[0]);
    assertTrue(r[1].startsWith("usage: data/fetch cifar10|cifar100 [DIR]"), r[1]);
  }

  @Test
  void anArchiveFailingThePublishedChecksumIsRefusedAndNotExtracted() throws Exception {
    Path folder = Files.createDirectories(dir.resolve("cifar100"));
    Files.writeString(folder.resolve("cifar-100-binary.tar.gz"), "not the archive");
    String[] r = fetch("cifar100", dir.toString());
    assertEquals("1", r[0], r[1]);
    assertEquals(1, r[1].lines().count(), r[1]);
    assertTrue(r[1].contains("not the published 03b5dce01913d631647c71ecec9e9cb8"), r[1]);
    assertFalse(Files.exists(folder.resolve("cifar-100-binary")));
  }
}
