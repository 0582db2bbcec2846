package org.ftsim.tensorboard;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.WireFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * The parts of TensorFlow's {@code Event} protocol buffer (tensorflow/core/util/event.proto) that
 * scalars need, encoded and decoded field by field:
 *
 * <pre>
 * Event         { double wall_time = 1; int64 step = 2;
 *                 oneof what { string file_version = 3; Summary summary = 5; ... } }
 * Summary       { repeated Value value = 1; }
 * Summary.Value { string tag = 1; oneof value { float simple_value = 2; TensorProto tensor = 8; ...} }
 * TensorProto   { DataType dtype = 1; bytes tensor_content = 4; repeated float float_val = 5;
 *                 repeated double double_val = 6; repeated int32 int_val = 7;
 *                 repeated int64 int64_val = 10; ... }
 * </pre>
 *
 * Writers store a scalar as {@code simple_value} (TensorBoard's and PyTorch's {@code add_scalar})
 * or as a rank-0 tensor (TensorFlow 2's {@code tf.summary.scalar}): the reader takes both. Fields
 * it does not know (graphs, histograms, images, metadata) are skipped.
 */
public final class Events {

  /** The {@code file_version} of the first event of a file. */
  public static final String FILE_VERSION = "brain.Event:2";

  /** A scalar of one event. */
  public record Scalar(String tag, double value) {}

  /** A decoded event: its wall time (s), step, and the scalars of its summary (maybe none). */
  public record Event(double wallTime, long step, String fileVersion, List<Scalar> scalars) {}

  // TensorFlow's DataType enum (types.proto).
  private static final int DT_FLOAT = 1;
  private static final int DT_DOUBLE = 2;
  private static final int DT_INT32 = 3;
  private static final int DT_INT64 = 9;

  private Events() {}

  /** The first event of a file: its {@link #FILE_VERSION}. */
  public static byte[] fileVersion(double wallTime) {
    return encode(
        out -> {
          out.writeDouble(1, wallTime);
          out.writeString(3, FILE_VERSION);
        });
  }

  /** An event holding one summary of {@code tags[i] = values[i]} as {@code simple_value}s. */
  public static byte[] scalars(double wallTime, long step, List<String> tags, float[] values) {
    byte[] summary =
        encode(
            out -> {
              for (int i = 0; i < tags.size(); i++) {
                int t = i;
                out.writeByteArray(
                    1,
                    encode(
                        value -> {
                          value.writeString(1, tags.get(t));
                          value.writeFloat(2, values[t]);
                        }));
              }
            });
    return encode(
        out -> {
          out.writeDouble(1, wallTime);
          out.writeInt64(2, step);
          out.writeByteArray(5, summary);
        });
  }

  /**
   * Decodes one event's {@code data}. Throws {@link IOException} when it is not a protocol buffer
   * of this layout.
   */
  public static Event decode(byte[] data) throws IOException {
    CodedInputStream in = CodedInputStream.newInstance(data);
    double wallTime = 0;
    long step = 0;
    String version = null;
    List<Scalar> scalars = new ArrayList<>();
    for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
      switch (tag) {
        case 1 << 3 | WireFormat.WIRETYPE_FIXED64 -> wallTime = in.readDouble();
        case 2 << 3 | WireFormat.WIRETYPE_VARINT -> step = in.readInt64();
        case 3 << 3 | WireFormat.WIRETYPE_LENGTH_DELIMITED -> version = in.readString();
        case 5 << 3 | WireFormat.WIRETYPE_LENGTH_DELIMITED -> summary(in.readBytes(), scalars);
        default -> in.skipField(tag);
      }
    }
    return new Event(wallTime, step, version, scalars);
  }

  private static void summary(ByteString bytes, List<Scalar> scalars) throws IOException {
    CodedInputStream in = bytes.newCodedInput();
    for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
      if (tag == (1 << 3 | WireFormat.WIRETYPE_LENGTH_DELIMITED)) {
        Scalar s = value(in.readBytes());
        if (s != null) {
          scalars.add(s);
        }
      } else {
        in.skipField(tag);
      }
    }
  }

  /** A {@code Summary.Value} as a scalar, or null when it holds something else. */
  private static Scalar value(ByteString bytes) throws IOException {
    CodedInputStream in = bytes.newCodedInput();
    String name = null;
    Double value = null;
    for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
      switch (tag) {
        case 1 << 3 | WireFormat.WIRETYPE_LENGTH_DELIMITED -> name = in.readString();
        case 2 << 3 | WireFormat.WIRETYPE_FIXED32 -> value = (double) in.readFloat();
        case 8 << 3 | WireFormat.WIRETYPE_LENGTH_DELIMITED -> value = tensorScalar(in.readBytes());
        default -> in.skipField(tag);
      }
    }
    return name != null && value != null ? new Scalar(name, value) : null;
  }

  /**
   * The one value of a {@code TensorProto} of a float, double or integer type, from its typed field
   * or its little-endian {@code tensor_content}; null for any other tensor.
   */
  private static Double tensorScalar(ByteString bytes) throws IOException {
    CodedInputStream in = bytes.newCodedInput();
    int dtype = 0;
    ByteString content = null;
    List<Double> values = new ArrayList<>();
    for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
      int field = WireFormat.getTagFieldNumber(tag);
      int wire = WireFormat.getTagWireType(tag);
      boolean packed = wire == WireFormat.WIRETYPE_LENGTH_DELIMITED;
      switch (field) {
        case 1 -> dtype = in.readEnum();
        case 4 -> content = in.readBytes();
        case 5, 6, 7, 10 -> {
          int limit = packed ? in.pushLimit(in.readRawVarint32()) : -1;
          do {
            values.add(
                switch (field) {
                  case 5 -> (double) in.readFloat();
                  case 6 -> in.readDouble();
                  case 7 -> (double) in.readInt32();
                  default -> (double) in.readInt64();
                });
          } while (packed && in.getBytesUntilLimit() > 0);
          if (packed) {
            in.popLimit(limit);
          }
        }
        default -> in.skipField(tag);
      }
    }
    if (content != null && !content.isEmpty()) {
      ByteBuffer b = content.asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
      return switch (dtype) {
        case DT_FLOAT -> content.size() == 4 ? (double) b.getFloat(0) : null;
        case DT_DOUBLE -> content.size() == 8 ? b.getDouble(0) : null;
        case DT_INT32 -> content.size() == 4 ? (double) b.getInt(0) : null;
        case DT_INT64 -> content.size() == 8 ? (double) b.getLong(0) : null;
        default -> null;
      };
    }
    boolean numeric =
        dtype == DT_FLOAT || dtype == DT_DOUBLE || dtype == DT_INT32 || dtype == DT_INT64;
    return numeric && values.size() == 1 ? values.get(0) : null;
  }

  /** Encodes what {@code body} writes. */
  private static byte[] encode(Body body) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      CodedOutputStream out = CodedOutputStream.newInstance(bytes);
      body.write(out);
      out.flush();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // never: the stream is in memory
    }
  }

  @FunctionalInterface
  private interface Body {
    void write(CodedOutputStream out) throws IOException;
  }
}
