package org.ftsim.data;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads the binary versions of CIFAR-10 and CIFAR-100 (Krizhevsky, 2009): a file is a sequence of
 * records, each of its label byte(s) followed by 3,072 pixel bytes, the 1,024 red values of the
 * 32×32 image row by row, then the green, then the blue ones (channel-major, as {@link Features}
 * wants). A CIFAR-10 record has one label byte (0–9); a CIFAR-100 record has the coarse label
 * (0–19) then the fine one (0–99), of which the fine label is kept.
 *
 * <p>Any whole number of records is accepted (the official files hold 10,000 or 50,000); a file
 * that is empty or not a whole number of records, or a label out of range, is a {@link
 * DataException} naming the file.
 */
public final class CifarReader {

  /** Pixel bytes of one record: 3 channels × 32 × 32. */
  public static final int PIXELS = 3 * 32 * 32;

  /** The binary format of one of the two datasets. */
  public enum Format {
    /** One label byte (10 classes). */
    CIFAR10("CIFAR-10", 1, 10),
    /** A coarse label byte (20 superclasses), then the fine one (100 classes), which is kept. */
    CIFAR100("CIFAR-100", 2, 100);

    private final String title;
    private final int labelBytes;
    private final int classes;

    Format(String title, int labelBytes, int classes) {
      this.title = title;
      this.labelBytes = labelBytes;
      this.classes = classes;
    }

    /** The bytes of one record. */
    public int recordSize() {
      return labelBytes + PIXELS;
    }

    /** The number of classes of the kept label. */
    public int classes() {
      return classes;
    }
  }

  /**
   * Records read from one or more files.
   *
   * @param labels the kept label of each record
   * @param pixels {@link #PIXELS} bytes per record, record-major
   */
  public record Records(byte[] labels, byte[] pixels) {

    /** The number of records. */
    public int size() {
      return labels.length;
    }

    /** The records of {@code parts}, in order. */
    public static Records concat(List<Records> parts) {
      int n = parts.stream().mapToInt(Records::size).sum();
      byte[] labels = new byte[n];
      byte[] pixels = new byte[Math.multiplyExact(n, PIXELS)];
      int at = 0;
      for (Records r : parts) {
        System.arraycopy(r.labels, 0, labels, at, r.size());
        System.arraycopy(r.pixels, 0, pixels, at * PIXELS, r.pixels.length);
        at += r.size();
      }
      return new Records(labels, pixels);
    }
  }

  private CifarReader() {}

  /** Reads {@code file} in {@code format}, checking its size and every label. */
  public static Records read(Path file, Format format) {
    long bytes;
    try {
      bytes = Files.size(file);
    } catch (NoSuchFileException e) {
      throw new DataException(file + ": not found", e);
    } catch (IOException e) {
      throw new DataException(file + ": cannot be read (" + e.getMessage() + ")", e);
    }
    int recordSize = format.recordSize();
    if (bytes == 0 || bytes % recordSize != 0) {
      throw new DataException(
          file
              + ": "
              + bytes
              + " bytes is not a whole number of "
              + format.title
              + " records of "
              + recordSize
              + " bytes ("
              + format.labelBytes
              + " label byte(s) + "
              + PIXELS
              + " pixels): truncated, or not the binary version of "
              + format.title);
    }
    if (bytes / recordSize > Integer.MAX_VALUE / PIXELS) {
      throw new DataException(file + ": too large (" + bytes + " bytes)");
    }
    int n = (int) (bytes / recordSize);
    byte[] labels = new byte[n];
    byte[] pixels = new byte[n * PIXELS];
    byte[] label = new byte[format.labelBytes];
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
      for (int i = 0; i < n; i++) {
        readFully(in, label, 0, label.length);
        readFully(in, pixels, i * PIXELS, PIXELS);
        int kept = label[label.length - 1] & 0xFF;
        if (kept >= format.classes) {
          throw new DataException(
              file
                  + ": record "
                  + i
                  + " has label "
                  + kept
                  + ", outside 0.."
                  + (format.classes - 1)
                  + " (not a "
                  + format.title
                  + " file?)");
        }
        if (format == Format.CIFAR100 && (label[0] & 0xFF) >= 20) {
          throw new DataException(
              file
                  + ": record "
                  + i
                  + " has coarse label "
                  + (label[0] & 0xFF)
                  + ", outside 0..19 (not a CIFAR-100 file?)");
        }
        labels[i] = (byte) kept;
      }
    } catch (EOFException e) {
      throw new DataException(file + ": truncated while reading (the file changed?)", e);
    } catch (IOException e) {
      throw new DataException(file + ": cannot be read (" + e.getMessage() + ")", e);
    }
    return new Records(labels, pixels);
  }

  private static void readFully(InputStream in, byte[] dst, int offset, int length)
      throws IOException {
    if (in.readNBytes(dst, offset, length) != length) {
      throw new EOFException();
    }
  }
}
