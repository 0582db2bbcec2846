package org.ftsim.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Reads the IDX files of MNIST and Fashion-MNIST (LeCun et al.), gzipped or not: a big-endian
 * header {@code 0x00 0x00 type ndims}, ndims sizes, then the unsigned bytes.
 */
public final class IdxReader {

  private static final int UNSIGNED_BYTE = 0x08;

  private IdxReader() {}

  /** An IDX array of unsigned bytes: its dimensions and its data. */
  public record IdxArray(int[] dims, byte[] data) {}

  /** Reads {@code file} (a {@code .gz} name is decompressed), checking header and size. */
  public static IdxArray read(Path file) {
    try (InputStream raw = Files.newInputStream(file);
        InputStream in =
            new BufferedInputStream(
                file.getFileName().toString().endsWith(".gz")
                    ? new GZIPInputStream(raw, 1 << 16)
                    : raw,
                1 << 16);
        DataInputStream data = new DataInputStream(in)) {
      int magic = data.readInt();
      if ((magic >>> 16) != 0 || ((magic >>> 8) & 0xFF) != UNSIGNED_BYTE) {
        throw new DataException(
            file
                + ": not an IDX file of unsigned bytes (magic 0x"
                + Integer.toHexString(magic)
                + ")");
      }
      int ndims = magic & 0xFF;
      if (ndims < 1 || ndims > 4) {
        throw new DataException(file + ": unsupported IDX rank " + ndims);
      }
      int[] dims = new int[ndims];
      long total = 1;
      for (int i = 0; i < ndims; i++) {
        dims[i] = data.readInt();
        if (dims[i] <= 0) {
          throw new DataException(file + ": bad IDX dimension " + dims[i]);
        }
        total *= dims[i];
      }
      if (total > Integer.MAX_VALUE - 16) {
        throw new DataException(file + ": IDX array too large (" + total + " values)");
      }
      byte[] values = new byte[(int) total];
      try {
        data.readFully(values);
      } catch (EOFException e) {
        throw new DataException(
            file + ": truncated, expected " + total + " values after the header", e);
      }
      if (data.read() != -1) {
        throw new DataException(
            file + ": has data after the " + total + " values its header declares");
      }
      return new IdxArray(dims, values);
    } catch (NoSuchFileException e) {
      throw new DataException(file + ": not found", e);
    } catch (EOFException e) {
      throw new DataException(file + ": truncated IDX header", e);
    } catch (IOException e) {
      throw new DataException(file + ": cannot be read (" + e.getMessage() + ")", e);
    }
  }
}
