package org.ftsim.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Writes small files in the exact binary formats of CIFAR-10 and CIFAR-100 for tests: records of
 * the label byte(s) then 3,072 pixel bytes (1,024 red, 1,024 green, 1,024 blue, rows top to
 * bottom). Pixels are noise around a per-label level, so that a network can learn something.
 */
public final class CifarFiles {

  private CifarFiles() {}

  /** The bytes of {@code n} records; CIFAR-100 records get coarse label = fine / 5. */
  public static byte[] records(int n, boolean cifar100, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int labelBytes = cifar100 ? 2 : 1;
    int classes = cifar100 ? 100 : 10;
    byte[] out = new byte[n * (labelBytes + CifarReader.PIXELS)];
    int at = 0;
    for (int i = 0; i < n; i++) {
      int label = random.nextInt(classes);
      if (cifar100) {
        out[at++] = (byte) (label / 5);
      }
      out[at++] = (byte) label;
      int level = 40 + 170 * (label % 10) / 9;
      for (int p = 0; p < CifarReader.PIXELS; p++) {
        out[at++] = (byte) Math.max(0, Math.min(255, level + random.nextInt(81) - 40));
      }
    }
    return out;
  }

  /**
   * The six files of cifar-10-batches-bin ({@code data_batch_1..5.bin}, {@code test_batch.bin})
   * with {@code perFile} records each, in {@code dir}.
   */
  public static Path cifar10(Path dir, int perFile) throws IOException {
    Files.createDirectories(dir);
    for (int b = 1; b <= 5; b++) {
      Files.write(dir.resolve("data_batch_" + b + ".bin"), records(perFile, false, b));
    }
    Files.write(dir.resolve("test_batch.bin"), records(perFile, false, 99));
    return dir;
  }

  /** The two files of cifar-100-binary ({@code train.bin}, {@code test.bin}) in {@code dir}. */
  public static Path cifar100(Path dir, int train, int test) throws IOException {
    Files.createDirectories(dir);
    Files.write(dir.resolve("train.bin"), records(train, true, 1));
    Files.write(dir.resolve("test.bin"), records(test, true, 2));
    return dir;
  }

  /** An in-memory CIFAR-10-shaped training set of {@code n} records, normalised as CIFAR-10. */
  public static Dataset dataset(int n, long seed) {
    byte[] raw = records(n, false, seed);
    byte[] labels = new byte[n];
    byte[] pixels = new byte[n * CifarReader.PIXELS];
    for (int i = 0; i < n; i++) {
      int at = i * (1 + CifarReader.PIXELS);
      labels[i] = raw[at];
      System.arraycopy(raw, at + 1, pixels, i * CifarReader.PIXELS, CifarReader.PIXELS);
    }
    return new Dataset(
        "cifar10",
        new Features.Bytes(
            pixels,
            CifarReader.PIXELS,
            new float[] {0.4914f, 0.4822f, 0.4466f},
            new float[] {0.2470f, 0.2434f, 0.2615f}),
        labels,
        null,
        10,
        new InputShape(3, 32, 32));
  }
}
