package org.ftsim.checkpoint;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.ftsim.aggregation.CarriedState;
import org.ftsim.aggregation.Defense;
import org.ftsim.config.SimulationConfig;
import org.ftsim.correction.Fit;
import org.ftsim.correction.ModelState;
import org.ftsim.optim.OptimizerState;

/**
 * The binary form of a {@link Checkpoint}: a magic number and version, the configuration as JSON
 * (as in the runs table's {@code config_json}), then the state in big-endian numbers, float vectors
 * as a length and their raw bits (exact), and an end mark that tells a whole file from a truncated
 * one.
 */
final class CheckpointFile {

  private static final long MAGIC = 0x4654_5349_4D43_4B50L; // "FTSIMCKP"
  private static final int VERSION = 1;
  private static final int END = 0x454E_4421; // "END!"

  /** Floats converted per chunk. */
  private static final int CHUNK = 1 << 14;

  private static final ObjectMapper JSON = new ObjectMapper();

  private CheckpointFile() {}

  /** Writes {@code checkpoint} to {@code stream} (buffered here; not closed). */
  static void write(Checkpoint checkpoint, OutputStream stream) throws IOException {
    DataOutputStream out = new DataOutputStream(new BufferedOutputStream(stream, 1 << 16));
    out.writeLong(MAGIC);
    out.writeInt(VERSION);
    string(out, JSON.writeValueAsString(checkpoint.config()));
    out.writeLong(checkpoint.step());
    Checkpoint.Progress p = checkpoint.progress();
    out.writeLong(p.startedAt());
    out.writeDouble(p.epochLoss());
    out.writeInt(p.epochSteps());
    out.writeDouble(p.lastMetric());
    doubles(out, p.timing());
    out.writeInt(p.phaseSteps().length);
    for (int v : p.phaseSteps()) {
      out.writeInt(v);
    }
    doubles(out, p.phaseMs());
    floats(out, checkpoint.params());
    out.writeLong(checkpoint.optimizer().steps());
    vectors(out, checkpoint.optimizer().vectors());
    defense(out, checkpoint.defense());
    Checkpoint.Correction c = checkpoint.correction();
    out.writeBoolean(c != null);
    if (c != null) {
      Map<Integer, Fit> fits = new TreeMap<>(c.fits());
      out.writeInt(fits.size());
      for (Fit fit : fits.values()) {
        fit(out, fit);
        out.writeInt(c.fitSteps().getOrDefault(fit.worker(), 0));
      }
      pairs(out, c.pendingFaulty());
      pairs(out, c.pendingTrue());
      out.writeLong(c.corrected());
      out.writeDouble(c.trueErrorSum());
      out.writeLong(c.trueErrorCount());
    }
    out.writeInt(END);
    out.flush();
  }

  /**
   * Reads a checkpoint written by {@link #write}.
   *
   * @throws IOException when the stream is not a whole checkpoint of this version
   */
  static Checkpoint read(InputStream stream) throws IOException {
    DataInputStream in = new DataInputStream(new BufferedInputStream(stream, 1 << 16));
    if (in.readLong() != MAGIC) {
      throw new IOException("not an ftsim checkpoint");
    }
    int version = in.readInt();
    if (version != VERSION) {
      throw new IOException("checkpoint format " + version + "; this ftsim reads " + VERSION);
    }
    SimulationConfig config;
    try {
      config = JSON.readValue(string(in), SimulationConfig.class);
    } catch (JsonProcessingException e) {
      throw new IOException("unreadable configuration: " + e.getOriginalMessage(), e);
    }
    long step = in.readLong();
    long startedAt = in.readLong();
    double epochLoss = in.readDouble();
    int epochSteps = in.readInt();
    double lastMetric = in.readDouble();
    double[] timing = doubles(in);
    int[] phaseSteps = new int[in.readInt()];
    for (int i = 0; i < phaseSteps.length; i++) {
      phaseSteps[i] = in.readInt();
    }
    double[] phaseMs = doubles(in);
    Checkpoint.Progress progress =
        new Checkpoint.Progress(
            startedAt, epochLoss, epochSteps, lastMetric, timing, phaseSteps, phaseMs);
    float[] params = floats(in);
    OptimizerState optimizer = new OptimizerState(in.readLong(), vectors(in));
    Defense.State defense = defense(in);
    Checkpoint.Correction correction = null;
    if (in.readBoolean()) {
      Map<Integer, Fit> fits = new TreeMap<>();
      Map<Integer, Integer> fitSteps = new TreeMap<>();
      int count = in.readInt();
      for (int i = 0; i < count; i++) {
        Fit fit = fit(in);
        fits.put(fit.worker(), fit);
        fitSteps.put(fit.worker(), in.readInt());
      }
      Map<Integer, List<float[]>> pendingFaulty = pairs(in);
      Map<Integer, List<float[]>> pendingTrue = pairs(in);
      correction =
          new Checkpoint.Correction(
              fits,
              fitSteps,
              pendingFaulty,
              pendingTrue,
              in.readLong(),
              in.readDouble(),
              in.readLong());
    }
    if (in.readInt() != END) {
      throw new IOException("checkpoint without its end mark");
    }
    return new Checkpoint(config, step, progress, params, optimizer, defense, correction);
  }

  private static void defense(DataOutputStream out, Defense.State state) throws IOException {
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

  private static Defense.State defense(DataInputStream in) throws IOException {
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

  private static void carried(DataOutputStream out, CarriedState state) throws IOException {
    out.writeLong(state.calls());
    out.writeBoolean(state.vector() != null);
    if (state.vector() != null) {
      floats(out, state.vector());
    }
  }

  private static CarriedState carried(DataInputStream in) throws IOException {
    long calls = in.readLong();
    return new CarriedState(calls, in.readBoolean() ? floats(in) : null);
  }

  private static void fit(DataOutputStream out, Fit fit) throws IOException {
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

  private static Fit fit(DataInputStream in) throws IOException {
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

  private static void pairs(DataOutputStream out, Map<Integer, List<float[]>> rows)
      throws IOException {
    Map<Integer, List<float[]>> sorted = new TreeMap<>(rows);
    out.writeInt(sorted.size());
    for (Map.Entry<Integer, List<float[]>> e : sorted.entrySet()) {
      out.writeInt(e.getKey());
      vectors(out, e.getValue());
    }
  }

  private static Map<Integer, List<float[]>> pairs(DataInputStream in) throws IOException {
    int count = in.readInt();
    Map<Integer, List<float[]>> rows = new TreeMap<>();
    for (int i = 0; i < count; i++) {
      int worker = in.readInt();
      rows.put(worker, vectors(in));
    }
    return rows;
  }

  private static void vectors(DataOutputStream out, List<float[]> vectors) throws IOException {
    out.writeInt(vectors.size());
    for (float[] v : vectors) {
      floats(out, v);
    }
  }

  private static List<float[]> vectors(DataInputStream in) throws IOException {
    int count = in.readInt();
    List<float[]> vectors = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      vectors.add(floats(in));
    }
    return vectors;
  }

  private static void string(DataOutputStream out, String value) throws IOException {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  private static String string(DataInputStream in) throws IOException {
    byte[] bytes = new byte[length(in)];
    in.readFully(bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }

  private static void doubles(DataOutputStream out, double[] values) throws IOException {
    out.writeInt(values.length);
    for (double v : values) {
      out.writeDouble(v);
    }
  }

  private static double[] doubles(DataInputStream in) throws IOException {
    double[] values = new double[length(in)];
    for (int i = 0; i < values.length; i++) {
      values[i] = in.readDouble();
    }
    return values;
  }

  /** A length and the floats' raw bits, converted a chunk at a time (not float by float). */
  private static void floats(DataOutputStream out, float[] values) throws IOException {
    out.writeInt(values.length);
    ByteBuffer bytes = ByteBuffer.allocate(4 * Math.min(CHUNK, Math.max(1, values.length)));
    for (int from = 0; from < values.length; from += CHUNK) {
      int n = Math.min(CHUNK, values.length - from);
      bytes.clear();
      bytes.asFloatBuffer().put(values, from, n);
      out.write(bytes.array(), 0, 4 * n);
    }
  }

  private static float[] floats(DataInputStream in) throws IOException {
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

  private static int length(DataInputStream in) throws IOException {
    int length = in.readInt();
    if (length < 0) {
      throw new IOException("corrupt checkpoint: negative length " + length);
    }
    return length;
  }
}
