package org.ftsim.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {

  @TempDir Path dir;

  /** An IDX file of unsigned bytes with the given dimensions and values. */
  static byte[] idx(int[] dims, byte[] values) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    out.writeInt(0x00000800 | dims.length);
    for (int d : dims) {
      out.writeInt(d);
    }
    out.write(values);
    return bytes.toByteArray();
  }

  static void write(Path file, byte[] content, boolean gzip) throws IOException {
    try (OutputStream out =
        gzip ? new GZIPOutputStream(Files.newOutputStream(file)) : Files.newOutputStream(file)) {
      out.write(content);
    }
  }

  @Test
  void readsPlainAndGzippedFiles() throws IOException {
    byte[] values = {0, 1, 2, (byte) 255, 4, 5};
    write(dir.resolve("a"), idx(new int[] {2, 3}, values), false);
    write(dir.resolve("b.gz"), idx(new int[] {2, 3}, values), true);
    for (String name : new String[] {"a", "b.gz"}) {
      IdxReader.IdxArray array = IdxReader.read(dir.resolve(name));
      assertArrayEquals(new int[] {2, 3}, array.dims());
      assertArrayEquals(values, array.data());
    }
  }

  @Test
  void truncatedFileNamesTheFile() throws IOException {
    byte[] full = idx(new int[] {4, 2}, new byte[8]);
    byte[] cut = java.util.Arrays.copyOf(full, full.length - 3);
    write(dir.resolve("cut.gz"), cut, true);
    DataException e =
        assertThrows(DataException.class, () -> IdxReader.read(dir.resolve("cut.gz")));
    assertTrue(
        e.getMessage().contains("cut.gz") && e.getMessage().contains("truncated"), e.getMessage());
  }

  @Test
  void wrongMagicAndTrailingBytesAreErrors() throws IOException {
    write(dir.resolve("magic"), new byte[] {1, 2, 3, 4, 0, 0, 0, 1, 9}, false);
    assertTrue(
        assertThrows(DataException.class, () -> IdxReader.read(dir.resolve("magic")))
            .getMessage()
            .contains("not an IDX file"));
    byte[] extra = java.util.Arrays.copyOf(idx(new int[] {2}, new byte[] {1, 2}), 11);
    write(dir.resolve("extra"), extra, false);
    assertTrue(
        assertThrows(DataException.class, () -> IdxReader.read(dir.resolve("extra")))
            .getMessage()
            .contains("after the 2 values"));
  }

  @Test
  void missingFileIsAnError() {
    DataException e = assertThrows(DataException.class, () -> IdxReader.read(dir.resolve("none")));
    assertTrue(e.getMessage().endsWith("not found"), e.getMessage());
  }

  @Test
  void shippedMnistHasTheOfficialShapesAndNormalisation() {
    TrainTest mnist = DatasetRegistry.get("mnist").load(Path.of("data"));
    assertEquals(60000, mnist.train().size());
    assertEquals(10000, mnist.test().size());
    // The first training image of MNIST is a 5; its top-left pixel is 0, i.e. −0.5 normalised.
    assertEquals(5, mnist.train().label(0));
    assertEquals(7, mnist.test().label(0));
    float[] x = new float[784];
    mnist.train().features().copy(0, x, 0);
    assertEquals(-0.5f, x[0]);
    float max = -1;
    for (float v : x) {
      max = Math.max(max, v);
    }
    assertEquals(0.5f, max, 1e-6f);
    int[] counts = new int[10];
    for (int i = 0; i < mnist.train().size(); i++) {
      counts[mnist.train().label(i)]++;
    }
    assertEquals(6742, counts[1]); // the official class-1 count of the MNIST training set
  }

  @Test
  void shippedFashionMnistLoads() {
    TrainTest fashion = DatasetRegistry.get("fashion-mnist").load(Path.of("data"));
    assertEquals(60000, fashion.train().size());
    assertEquals(10000, fashion.test().size());
    int[] counts = new int[10];
    for (int i = 0; i < fashion.train().size(); i++) {
      counts[fashion.train().label(i)]++;
    }
    for (int c : counts) {
      assertEquals(6000, c); // Fashion-MNIST is balanced: 6,000 training images per class
    }
  }
}
