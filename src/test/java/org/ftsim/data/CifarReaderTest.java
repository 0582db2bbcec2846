package org.ftsim.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CifarReaderTest {

  @TempDir Path dir;

  @Test
  void readsCifar10RecordsWithChannelMajorPixelsAndThePrototypeNormalisation() throws IOException {
    // One hand-made record: label 7, red plane all 0, green all 255, blue 0..255 repeated.
    byte[] record = new byte[1 + 3072];
    record[0] = 7;
    Arrays.fill(record, 1 + 1024, 1 + 2048, (byte) 255);
    for (int p = 0; p < 1024; p++) {
      record[1 + 2048 + p] = (byte) p;
    }
    Path folder = Files.createDirectories(dir.resolve("cifar10"));
    for (int b = 1; b <= 5; b++) {
      Files.write(folder.resolve("data_batch_" + b + ".bin"), b == 3 ? record : rec(b));
    }
    Files.write(folder.resolve("test_batch.bin"), CifarFiles.records(4, false, 9));
    assertNull(DatasetRegistry.get("cifar10").missingFiles(dir));
    TrainTest data = DatasetRegistry.get("cifar10").load(dir);
    assertEquals(1 + 1 + 1 + 1 + 1, data.train().size(), "one record per batch file, in order");
    assertEquals(4, data.test().size());
    assertEquals(new InputShape(3, 32, 32), data.train().shape());
    assertEquals(10, data.train().classes());
    Dataset train = data.train();
    assertEquals(7, train.label(2));
    float[] x = new float[3072];
    train.features().copy(2, x, 0);
    assertEquals((0 - 0.4914f) / 0.2470f, x[0], 1e-5f, "red, pixel 0");
    assertEquals((1 - 0.4822f) / 0.2434f, x[1024], 1e-5f, "green, pixel 0");
    assertEquals((0 - 0.4466f) / 0.2615f, x[2048], 1e-5f, "blue, pixel 0");
    assertEquals((255 / 255f - 0.4466f) / 0.2615f, x[2048 + 255], 1e-5f, "blue, pixel 255");
  }

  private static byte[] rec(int seed) {
    return CifarFiles.records(1, false, seed);
  }

  @Test
  void readsCifar100FineLabelsFromTheExtractedArchiveFolder() throws IOException {
    Path nested = dir.resolve("cifar100").resolve("cifar-100-binary");
    Files.createDirectories(nested);
    byte[] train = CifarFiles.records(3, true, 1);
    train[0] = 19; // coarse label of record 0
    train[1] = 99; // fine label of record 0
    Files.write(nested.resolve("train.bin"), train);
    Files.write(nested.resolve("test.bin"), CifarFiles.records(2, true, 2));
    assertNull(DatasetRegistry.get("cifar100").missingFiles(dir));
    TrainTest data = DatasetRegistry.get("cifar100").load(dir);
    assertEquals(3, data.train().size());
    assertEquals(100, data.train().classes());
    assertEquals(99, data.train().label(0), "the fine label is kept");
    float[] x = new float[3072];
    data.train().features().copy(0, x, 0);
    int red = train[2] & 0xFF;
    assertEquals((red / 255f - 0.5070f) / 0.2672f, x[0], 1e-5f);
  }

  @Test
  void recordsOfSeveralFilesAreConcatenatedInOrder() throws IOException {
    Path a = Files.write(dir.resolve("a.bin"), CifarFiles.records(2, false, 1));
    Path b = Files.write(dir.resolve("b.bin"), CifarFiles.records(3, false, 2));
    CifarReader.Records both =
        CifarReader.readAll(java.util.List.of(a, b), CifarReader.Format.CIFAR10);
    assertEquals(5, both.size());
    CifarReader.Records second = CifarReader.read(b, CifarReader.Format.CIFAR10);
    assertArrayEquals(
        Arrays.copyOfRange(second.pixels(), 0, 3072),
        Arrays.copyOfRange(both.pixels(), 2 * 3072, 3 * 3072));
    assertEquals(second.labels()[2], both.labels()[4]);
  }

  @Test
  void truncatedEmptyAndMislabelledFilesAreErrorsNamingTheFile() throws IOException {
    byte[] two = CifarFiles.records(2, false, 1);
    Path cut = Files.write(dir.resolve("cut.bin"), Arrays.copyOf(two, two.length - 1));
    DataException e =
        assertThrows(DataException.class, () -> CifarReader.read(cut, CifarReader.Format.CIFAR10));
    assertTrue(
        e.getMessage().startsWith(cut.toString())
            && e.getMessage().contains("6145 bytes is not a whole number of CIFAR-10 records"),
        e.getMessage());

    Path empty = Files.write(dir.resolve("empty.bin"), new byte[0]);
    assertTrue(
        assertThrows(DataException.class, () -> CifarReader.read(empty, CifarReader.Format.CIFAR10))
            .getMessage()
            .contains("0 bytes"));

    byte[] bad = CifarFiles.records(2, false, 1);
    bad[3073] = 10; // label of record 1
    Path wrong = Files.write(dir.resolve("wrong.bin"), bad);
    assertTrue(
        assertThrows(DataException.class, () -> CifarReader.read(wrong, CifarReader.Format.CIFAR10))
            .getMessage()
            .contains("wrong.bin: record 1 has label 10, outside 0..9"));

    // A CIFAR-10 file is not a whole number of CIFAR-100 records (3073·2 is not a multiple of
    // 3074).
    Path ten = Files.write(dir.resolve("ten.bin"), two);
    assertTrue(
        assertThrows(DataException.class, () -> CifarReader.read(ten, CifarReader.Format.CIFAR100))
            .getMessage()
            .contains("not the binary version of CIFAR-100"));
    assertTrue(
        assertThrows(
                DataException.class,
                () -> CifarReader.read(dir.resolve("none.bin"), CifarReader.Format.CIFAR10))
            .getMessage()
            .endsWith("none.bin: not found"));
  }

  @Test
  void missingFilesSayHowToGetThem() throws IOException {
    String message = DatasetRegistry.get("cifar10").missingFiles(dir);
    assertTrue(
        message.contains("cifar10/data_batch_1.bin not found")
            && message.contains("cifar-10-batches-bin")
            && message.contains("data/fetch cifar10"),
        message);
    CifarFiles.cifar10(dir.resolve("cifar10"), 1);
    Files.delete(dir.resolve("cifar10").resolve("data_batch_4.bin"));
    assertTrue(
        DatasetRegistry.get("cifar10").missingFiles(dir).contains("data_batch_4.bin not found"));
    assertTrue(DatasetRegistry.get("cifar100").missingFiles(dir).contains("data/fetch cifar100"));
  }
}
