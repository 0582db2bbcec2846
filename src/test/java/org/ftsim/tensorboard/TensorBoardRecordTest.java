package org.ftsim.tensorboard;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;

/** TFRecord framing, the Event layout, and corrupt records, without Spark. */
class TensorBoardRecordTest {

  /** CRC-32C (Castagnoli) check value of "123456789", RFC 3720 appendix B.4 / iSCSI. */
  @Test
  void crc32cKnownAnswerAndTensorFlowsMask() {
    CRC32C crc = new CRC32C();
    crc.update("123456789".getBytes(StandardCharsets.US_ASCII));
    assertEquals(0xE3069283L, crc.getValue());
    int c = 0xE3069283;
    assertEquals(((c >>> 15) | (c << 17)) + 0xa282ead8, TfRecord.mask(c));
  }

  @Test
  void writtenRecordsCarryTheLayoutAndBothCrcs() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] a = Events.fileVersion(1.5);
    byte[] b = Events.scalars(2.5, 7, List.of("Loss/train", "ftsim/k"), new float[] {0.25f, 3f});
    TfRecord.write(out, a);
    TfRecord.write(out, b);
    byte[] file = out.toByteArray();
    // Parsed here with the JDK's CRC32C and the mask written out again, not with TfRecord's.
    ByteBuffer buf = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
    int at = 0;
    List<byte[]> records = new ArrayList<>();
    while (at < file.length) {
      long length = buf.getLong(at);
      assertEquals(masked(file, at, 8), buf.getInt(at + 8));
      assertEquals(masked(file, at + 12, (int) length), buf.getInt(at + 12 + (int) length));
      byte[] data = new byte[(int) length];
      System.arraycopy(file, at + 12, data, 0, data.length);
      records.add(data);
      at += 16 + (int) length;
    }
    assertEquals(2, records.size());
    assertArrayEquals(a, records.get(0));
    Events.Event first = Events.decode(records.get(0));
    assertEquals(Events.FILE_VERSION, first.fileVersion());
    assertEquals(1.5, first.wallTime());
    Events.Event second = Events.decode(records.get(1));
    assertEquals(7, second.step());
    assertEquals(2.5, second.wallTime());
    assertEquals(
        List.of(new Events.Scalar("Loss/train", 0.25), new Events.Scalar("ftsim/k", 3)),
        second.scalars());
  }

  @Test
  void scalarsStoredAsTensorsAreRead() throws IOException {
    // TensorFlow 2 writes tf.summary.scalar as a rank-0 TensorProto (Summary.Value field 8),
    // with the value in tensor_content or in the typed repeated field.
    byte[] content = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putFloat(0.75f).array();
    byte[] inContent =
        tensorEvent(
            "a",
            out -> {
              out.writeEnum(1, 1); // DT_FLOAT
              out.writeBytes(4, ByteString.copyFrom(content));
            });
    byte[] inFloatVal =
        tensorEvent(
            "b",
            out -> {
              out.writeEnum(1, 1);
              out.writeFloat(5, 0.5f);
            });
    byte[] inDoubleVal =
        tensorEvent(
            "c",
            out -> {
              out.writeEnum(1, 2); // DT_DOUBLE
              out.writeDouble(6, 0.125);
            });
    byte[] aString =
        tensorEvent(
            "d",
            out -> {
              out.writeEnum(1, 7); // DT_STRING: not a scalar to import
              out.writeBytes(8, ByteString.copyFromUtf8("x"));
            });
    assertEquals(List.of(new Events.Scalar("a", 0.75)), Events.decode(inContent).scalars());
    assertEquals(List.of(new Events.Scalar("b", 0.5)), Events.decode(inFloatVal).scalars());
    assertEquals(List.of(new Events.Scalar("c", 0.125)), Events.decode(inDoubleVal).scalars());
    assertEquals(List.of(), Events.decode(aString).scalars());
  }

  @Test
  void aCorruptRecordIsReportedAtItsOffsetAndTheRestIsRead() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    List<Integer> offsets = new ArrayList<>();
    for (int step = 1; step <= 5; step++) {
      offsets.add(out.size());
      TfRecord.write(out, Events.scalars(step, step, List.of("Loss/train"), new float[] {step}));
    }
    byte[] sound = out.toByteArray();

    byte[] badData = sound.clone();
    badData[offsets.get(1) + 14] ^= 1; // inside record 2's data
    RecordReader.Contents c = RecordReader.read(badData);
    assertEquals(List.of(1L, 3L, 4L, 5L), steps(c));
    assertEquals(1, c.problems().size());
    assertEquals((long) offsets.get(1), c.problems().get(0).offset());
    assertTrue(c.problems().get(0).message().startsWith("bad data CRC"), c.problems().toString());

    byte[] badLength = sound.clone();
    badLength[offsets.get(2)] ^= 1; // record 3's length
    c = RecordReader.read(badLength);
    assertEquals(List.of(1L, 2L, 4L, 5L), steps(c));
    assertEquals((long) offsets.get(2), c.problems().get(0).offset());
    assertTrue(
        c.problems().get(0).message().endsWith("at offset " + offsets.get(3)),
        c.problems().toString());

    byte[] truncated = new byte[sound.length - 3];
    System.arraycopy(sound, 0, truncated, 0, truncated.length);
    c = RecordReader.read(truncated);
    assertEquals(List.of(1L, 2L, 3L, 4L), steps(c));
    assertEquals((long) offsets.get(4), c.problems().get(0).offset());
    assertTrue(c.problems().get(0).message().startsWith("truncated"), c.problems().toString());
  }

  @Test
  void folderNamesOfThePrototype() {
    assertEquals(
        new FolderName("cifar100", "unknown", 8, 2, 256, true),
        FolderName.parse("cifar100/8w_2f_b256_correct"));
    assertEquals(
        new FolderName("cifar100", "resnet", 4, 0, 256, false),
        FolderName.parse("cifar100/resnet_4w_b256_normal"));
    assertEquals(new FolderName("unknown", "unknown", 0, 0, 0, false), FolderName.parse("my run"));
    assertEquals("cifar100-8w_b256", Import.runId("cifar100/8w_b256"));
    assertEquals("my_run", Import.runId("my run"));
  }

  private static List<Long> steps(RecordReader.Contents contents) throws IOException {
    List<Long> steps = new ArrayList<>();
    for (RecordReader.Record r : contents.records()) {
      steps.add(Events.decode(r.data()).step());
    }
    return steps;
  }

  private static int masked(byte[] bytes, int offset, int length) {
    CRC32C crc = new CRC32C();
    crc.update(bytes, offset, length);
    int c = (int) crc.getValue();
    return ((c >>> 15) | (c << 17)) + 0xa282ead8;
  }

  private interface Fields {
    void write(CodedOutputStream out) throws IOException;
  }

  private static byte[] message(Fields fields) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    CodedOutputStream out = CodedOutputStream.newInstance(bytes);
    fields.write(out);
    out.flush();
    return bytes.toByteArray();
  }

  /** An Event whose summary holds one value {@code tag} with the tensor {@code tensor} writes. */
  private static byte[] tensorEvent(String tag, Fields tensor) throws IOException {
    byte[] value =
        message(
            out -> {
              out.writeString(1, tag);
              out.writeByteArray(8, message(tensor));
            });
    byte[] summary = message(out -> out.writeByteArray(1, value));
    return message(
        out -> {
          out.writeDouble(1, 1.0);
          out.writeInt64(2, 3);
          out.writeByteArray(5, summary);
        });
  }
}
