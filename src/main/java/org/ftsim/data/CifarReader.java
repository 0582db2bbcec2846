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
  }

  private CifarReader() {}

  /** Reads {@code file} in {@code format}, checking its size and every label. */
  public static Records read(Path file, Format format) {
    return readAll(List.of(file), format);
  }

  /**
   * Reads the records of {@code files}, in order, straight into one pair of arrays (CIFAR-10's
   * training set is five files), checking each file's size and every label.
   */
  public static Records readAll(List<Path> files, Format format) {
    int[] counts = new int[files.size()];
    long total = 0;
    for (int f = 0; f < counts.length; f++) {
      counts[f] = records(files.get(f), format);
      total += counts[f];
    }
    if (total > Integer.MAX_VALUE / PIXELS) {
      throw new DataException(files + ": too many records (" + total + ")");
    }
    byte[] labels = new byte[(int) total];
    byte[] pixels = new byte[(int) total * PIXELS];
    for (int f = 0, at = 0; f < counts.length; at += counts[f], f++) {
      readInto(files.get(f), format, counts[f], labels, pixels, at);
    }
    return new Records(labels, pixels);
  }

  /** The number of records of {@code file}, from its size. */
  private static int records(Path file, Format format) {
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
    return (int) (bytes / recordSize);
  }

  /** Reads the {@code n} records of {@code file} into the arrays from record {@code at} on. */
  private static void readInto(
      Path file, Format format, int n, byte[] labels, byte[] pixels, int at) {
    byte[] label = new byte[format.labelBytes];
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
      for (int i = 0; i < n; i++) {
        readFully(in, label, 0, label.length);
        readFully(in, pixels, (at + i) * PIXELS, PIXELS);
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
        labels[at + i] = (byte) kept;
      }
    } catch (EOFException e) {
      throw new DataException(file + ": truncated while reading (the file changed?)", e);
    } catch (IOException e) {
      throw new DataException(file + ": cannot be read (" + e.getMessage() + ")", e);
    }
  }

  private static void readFully(InputStream in, byte[] dst, int offset, int length)
      throws IOException {
    if (in.readNBytes(dst, offset, length) != length) {
      throw new EOFException();
    }
  }
}
