package org.ftsim.tensorboard;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.zip.CRC32C;

/**
 * TFRecord framing, the container of TensorBoard event files: each record is
 *
 * <pre>
 * uint64 length (little-endian)
 * uint32 masked CRC-32C of the 8 length bytes
 * byte   data[length]
 * uint32 masked CRC-32C of data
 * </pre>
 *
 * where mask(c) = ((c &gt;&gt;&gt; 15) | (c &lt;&lt; 17)) + 0xa282ead8 (TensorFlow's {@code
 * tsl/lib/hash/crc32c.h}: a CRC of data that holds CRCs is unlikely to look like one).
 */
public final class TfRecord {

  /** Bytes of framing around the data: length, its CRC, and the data's CRC. */
  public static final int OVERHEAD = 8 + 4 + 4;

  private static final int MASK_DELTA = 0xa282ead8;

  private TfRecord() {}

  /** Writes {@code data} as one record. */
  public static void write(OutputStream out, byte[] data) throws IOException {
    ByteBuffer header = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
    header.putLong(data.length);
    header.putInt(maskedCrc(header.array(), 0, 8));
    ByteBuffer footer = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
    footer.putInt(maskedCrc(data, 0, data.length));
    out.write(header.array());
    out.write(data);
    out.write(footer.array());
  }

  /** The masked CRC-32C of {@code length} bytes of {@code bytes} from {@code offset}. */
  public static int maskedCrc(byte[] bytes, int offset, int length) {
    CRC32C crc = new CRC32C();
    crc.update(bytes, offset, length);
    return mask((int) crc.getValue());
  }

  /** TensorFlow's CRC mask. */
  static int mask(int crc) {
    return ((crc >>> 15) | (crc << 17)) + MASK_DELTA;
  }
}
