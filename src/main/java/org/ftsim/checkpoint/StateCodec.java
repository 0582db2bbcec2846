package org.ftsim.checkpoint;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.ftsim.aggregation.CarriedState;
import org.ftsim.aggregation.Defense;
import org.ftsim.correction.Fit;
import org.ftsim.correction.ModelState;
import org.ftsim.fault.FaultState;

/**
 * The binary encoding of the parts' state records inside a {@link CheckpointFile}: big-endian
 * numbers, strings as a length and UTF-8, float vectors as a length and their raw bits (exact).
 */
final class StateCodec {

  /** Floats converted per chunk. */
  private static final int CHUNK = 1 << 14;

  private StateCodec() {}

  static void defense(DataOutputStream out, Defense.State state) throws IOException {
    out.writeInt(state.pre().size());
    for (CarriedState s : state.pre()) {
      carried(out, s);
    }
    carried(out, state.rule());
    Map<Integer, Defense.State> fallbacks = new TreeMap<>(state.fallbacks());
    out.writeInt(fallbacks.size());
    for (Map.Entry<Integer, Defense.State> e : fallbacks.entrySet()) {
      out.writeInt(e.getKey());
      defense(out, e.getValue());
    }
  }

  static Defense.State defense(DataInputStream in) throws IOException {
    int preCount = in.readInt();
    List<CarriedState> pre = new ArrayList<>(preCount);
    for (int i = 0; i < preCount; i++) {
      pre.add(carried(in));
    }
    CarriedState rule = carried(in);
    int fallbackCount = in.readInt();
    Map<Integer, Defense.State> fallbacks = new TreeMap<>();
    for (int i = 0; i < fallbackCount; i++) {
      int f = in.readInt();
      fallbacks.put(f, defense(in));
    }
    return new Defense.State(pre, rule, fallbacks);
  }

  static void carried(DataOutputStream out, CarriedState state) throws IOException {
    out.writeLong(state.calls());
    out.writeBoolean(state.vector() != null);
    if (state.vector() != null) {
      floats(out, state.vector());
    }
  }

  static CarriedState carried(DataInputStream in) throws IOException {
    long calls = in.readLong();
    return new CarriedState(calls, in.readBoolean() ? floats(in) : null);
  }

  /** The faults' states by worker: a count, then each worker, its counters and vectors. */
  static void faults(DataOutputStream out, Map<Integer, FaultState> faults) throws IOException {
    Map<Integer, FaultState> sorted = new TreeMap<>(faults);
    out.writeInt(sorted.size());
    for (Map.Entry<Integer, FaultState> e : sorted.entrySet()) {
      out.writeInt(e.getKey());
      long[] counters = e.getValue().counters();
      out.writeInt(counters.length);
      for (long c : counters) {
        out.writeLong(c);
      }
      out.writeInt(e.getValue().vectors().size());
      for (double[] v : e.getValue().vectors()) {
        doubles(out, v);
      }
    }
  }

  static Map<Integer, FaultState> faults(DataInputStream in) throws IOException {
    int count = length(in);
    Map<Integer, FaultState> faults = new TreeMap<>();
    for (int i = 0; i < count; i++) {
      int worker = in.readInt();
      long[] counters = new long[length(in)];
      for (int j = 0; j < counters.length; j++) {
        counters[j] = in.readLong();
      }
      int vectorCount = length(in);
      List<double[]> vectors = new ArrayList<>(vectorCount);
      for (int j = 0; j < vectorCount; j++) {
        vectors.add(doubles(in));
      }
      faults.put(worker, new FaultState(counters, vectors));
    }
    return faults;
  }

  static void fit(DataOutputStream out, Fit fit) throws IOException {
    out.writeInt(fit.worker());
    string(out, fit.regressor());
    ModelState model = ModelState.of(fit.model());
    string(out, model.kind());
    out.writeDouble(model.intercept());
    out.writeDouble(model.slope());
    floats(out, model.bounds());
    floats(out, model.values());
    out.writeDouble(fit.mse());
    out.writeDouble(fit.mape());
    out.writeDouble(fit.prototypeMape());
    out.writeDouble(fit.fitMs());
    out.writeLong(fit.pairs());
  }

  static Fit fit(DataInputStream in) throws IOException {
    int worker = in.readInt();
    String regressor = string(in);
    ModelState model =
        new ModelState(string(in), in.readDouble(), in.readDouble(), floats(in), floats(in));
    return new Fit(
        worker,
        regressor,
        model.model(),
        in.readDouble(),
        in.readDouble(),
        in.readDouble(),
        in.readDouble(),
        in.readLong());
  }

  static void pairs(DataOutputStream out, Map<Integer, List<float[]>> rows) throws IOException {
    Map<Integer, List<float[]>> sorted = new TreeMap<>(rows);
    out.writeInt(sorted.size());
    for (Map.Entry<Integer, List<float[]>> e : sorted.entrySet()) {
      out.writeInt(e.getKey());
      vectors(out, e.getValue());
    }
  }

  static Map<Integer, List<float[]>> pairs(DataInputStream in) throws IOException {
    int count = in.readInt();
    Map<Integer, List<float[]>> rows = new TreeMap<>();
    for (int i = 0; i < count; i++) {
      int worker = in.readInt();
      rows.put(worker, vectors(in));
    }
    return rows;
  }

  static void vectors(DataOutputStream out, List<float[]> vectors) throws IOException {
    out.writeInt(vectors.size());
    for (float[] v : vectors) {
      floats(out, v);
    }
  }

  static List<float[]> vectors(DataInputStream in) throws IOException {
    int count = in.readInt();
    List<float[]> vectors = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      vectors.add(floats(in));
    }
    return vectors;
  }

  static void string(DataOutputStream out, String value) throws IOException {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  static String string(DataInputStream in) throws IOException {
    byte[] bytes = new byte[length(in)];
    in.readFully(bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }

  static void doubles(DataOutputStream out, double[] values) throws IOException {
    out.writeInt(values.length);
    for (double v : values) {
      out.writeDouble(v);
    }
  }

  static double[] doubles(DataInputStream in) throws IOException {
    double[] values = new double[length(in)];
    for (int i = 0; i < values.length; i++) {
      values[i] = in.readDouble();
    }
    return values;
  }

  /** A length and the floats' raw bits, converted a chunk at a time (not float by float). */
  static void floats(DataOutputStream out, float[] values) throws IOException {
    out.writeInt(values.length);
    ByteBuffer bytes = ByteBuffer.allocate(4 * Math.min(CHUNK, Math.max(1, values.length)));
    for (int from = 0; from < values.length; from += CHUNK) {
      int n = Math.min(CHUNK, values.length - from);
      bytes.clear();
      bytes.asFloatBuffer().put(values, from, n);
      out.write(bytes.array(), 0, 4 * n);
    }
  }

  static float[] floats(DataInputStream in) throws IOException {
    float[] values = new float[length(in)];
    ByteBuffer bytes = ByteBuffer.allocate(4 * Math.min(CHUNK, Math.max(1, values.length)));
    for (int from = 0; from < values.length; from += CHUNK) {
      int n = Math.min(CHUNK, values.length - from);
      in.readFully(bytes.array(), 0, 4 * n);
      bytes.clear();
      bytes.asFloatBuffer().get(values, from, n);
    }
    return values;
  }

  static int length(DataInputStream in) throws IOException {
    int length = in.readInt();
    if (length < 0) {
      throw new IOException("corrupt checkpoint: negative length " + length);
    }
    return length;
  }
}
