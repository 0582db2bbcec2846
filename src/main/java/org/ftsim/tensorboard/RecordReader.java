package org.ftsim.tensorboard;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Reads the records of a TFRecord file ({@link TfRecord}) held in memory, verifying both CRCs of
 * each. A corrupt record does not end the reading: a record whose data fails its CRC (its length
 * being sound) is skipped; after a length that fails its CRC the reader looks for the next offset
 * at which a whole, sound record starts; a file cut inside a record ends there. Each is one {@link
 * Problem} with its offset.
 */
public final class RecordReader {

  /** One record's data and the offset of its first byte of framing. */
  public record Record(long offset, byte[] data) {}

  /** A corrupt stretch of the file: where it starts and what was wrong. */
  public record Problem(long offset, String message) {}

  /** The sound records of a file, in order, and its corrupt stretches. */
  public record Contents(List<Record> records, List<Problem> problems) {}

  private RecordReader() {}

  /** The records of {@code file}. */
  public static Contents read(byte[] file) {
    ByteBuffer buffer = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
    List<Record> records = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    int at = 0;
    while (at < file.length) {
      int left = file.length - at;
      if (left < 12) {
        problems.add(
            new Problem(at, "truncated record: " + left + " bytes, shorter than a record header"));
        break;
      }
      long length = buffer.getLong(at);
      if (buffer.getInt(at + 8) != TfRecord.maskedCrc(file, at, 8)) {
        int next = nextRecord(file, buffer, at + 1);
        problems.add(
            new Problem(
                at,
                next < 0
                    ? "bad length CRC; no sound record after it"
                    : String.format(
                        Locale.ROOT,
                        "bad length CRC; %d bytes skipped to the next sound record, at offset %d",
                        next - at,
                        next)));
        if (next < 0) {
          break;
        }
        at = next;
        continue;
      }
      if (length < 0 || length > left - TfRecord.OVERHEAD) {
        problems.add(
            new Problem(
                at,
                String.format(
                    Locale.ROOT,
                    "truncated record: length %d but %d bytes left after its header",
                    length,
                    left - 12)));
        break;
      }
      int end = at + 12 + (int) length;
      if (buffer.getInt(end) != TfRecord.maskedCrc(file, at + 12, (int) length)) {
        problems.add(
            new Problem(at, "bad data CRC in a record of length " + length + "; record skipped"));
      } else {
        records.add(new Record(at, Arrays.copyOfRange(file, at + 12, end)));
      }
      at = end + 4;
    }
    return new Contents(records, problems);
  }

  /** The first offset from {@code from} at which a record with both CRCs sound starts, or -1. */
  private static int nextRecord(byte[] file, ByteBuffer buffer, int from) {
    for (int at = from; at + TfRecord.OVERHEAD <= file.length; at++) {
      long length = buffer.getLong(at);
      if (length < 0 || length > file.length - at - TfRecord.OVERHEAD) {
        continue;
      }
      if (buffer.getInt(at + 8) == TfRecord.maskedCrc(file, at, 8)
          && buffer.getInt(at + 12 + (int) length)
              == TfRecord.maskedCrc(file, at + 12, (int) length)) {
        return at;
      }
    }
    return -1;
  }
}
