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
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.ftsim.aggregation.Defense;
import org.ftsim.config.SimulationConfig;
import org.ftsim.correction.CorrectionState;
import org.ftsim.correction.Fit;
import org.ftsim.detection.DetectionScore;
import org.ftsim.detection.DetectionState;
import org.ftsim.fault.FaultState;
import org.ftsim.optim.OptimizerState;
import org.ftsim.results.Timings;

/**
 * The binary form of a {@link Checkpoint}: a magic number and version, the configuration as JSON
 * (as in the runs table's {@code config_json}), then the state in big-endian numbers, float vectors
 * as a length and their raw bits (exact), and an end mark that tells a whole file from a truncated
 * one.
 */
final class CheckpointFile {

  private static final long MAGIC = 0x4654_5349_4D43_4B50L; // "FTSIMCKP"

  /**
   * 2: the configuration grouped (issue 12), named timings; 3: detection; 4: the worker momentum
   * and the protocol options of issue 13 in the configuration; 5: the faults' state ({@code
   * mimic-warmup}'s).
   */
  private static final int VERSION = 5;

  private static final int END = 0x454E_4421; // "END!"

  private static final ObjectMapper JSON = new ObjectMapper();

  private static void timings(DataOutputStream out, Timings t) throws IOException {
    out.writeInt(t.steps());
    for (double ms :
        new double[] {
          t.gradMs(),
          t.broadcastMs(),
          t.computeMs(),
          t.aggregateMs(),
          t.updateMs(),
          t.stepMs(),
          t.evalMs()
        }) {
      out.writeDouble(ms);
    }
    out.writeInt(t.replicaSteps());
    out.writeDouble(t.replicaMs());
    out.writeInt(t.correctedSteps());
    out.writeDouble(t.correctedMs());
  }

  private static Timings timings(DataInputStream in) throws IOException {
    return new Timings(
        in.readInt(),
        in.readDouble(),
        in.readDouble(),
        in.readDouble(),
        in.readDouble(),
        in.readDouble(),
        in.readDouble(),
        in.readDouble(),
        in.readInt(),
        in.readDouble(),
        in.readInt(),
        in.readDouble());
  }

  private CheckpointFile() {}

  /** Writes {@code checkpoint} to {@code stream} (buffered here; not closed). */
  static void write(Checkpoint checkpoint, OutputStream stream) throws IOException {
    DataOutputStream out = new DataOutputStream(new BufferedOutputStream(stream, 1 << 16));
    out.writeLong(MAGIC);
    out.writeInt(VERSION);
    StateCodec.string(out, JSON.writeValueAsString(checkpoint.config()));
    out.writeLong(checkpoint.step());
    Checkpoint.Progress p = checkpoint.progress();
    out.writeLong(p.startedAt());
    out.writeDouble(p.epochLoss());
    out.writeInt(p.epochSteps());
    out.writeDouble(p.lastMetric());
    timings(out, p.timings());
    StateCodec.floats(out, checkpoint.params());
    out.writeLong(checkpoint.optimizer().steps());
    StateCodec.vectors(out, checkpoint.optimizer().vectors());
    StateCodec.defense(out, checkpoint.defense());
    CorrectionState c = checkpoint.correction();
    out.writeBoolean(c != null);
    if (c != null) {
      Map<Integer, Fit> fits = new TreeMap<>(c.fits());
      out.writeInt(fits.size());
      for (Fit fit : fits.values()) {
        StateCodec.fit(out, fit);
        out.writeInt(c.fitSteps().getOrDefault(fit.worker(), 0));
      }
      StateCodec.pairs(out, c.pendingFaulty());
      StateCodec.pairs(out, c.pendingTrue());
      out.writeLong(c.corrected());
      out.writeDouble(c.trueErrorSum());
      out.writeLong(c.trueErrorCount());
    }
    DetectionState d = checkpoint.detection();
    out.writeBoolean(d != null);
    if (d != null) {
      StateCodec.doubles(out, d.detector());
      DetectionScore.State s = d.score();
      out.writeInt(s.steps());
      out.writeLong(s.trueFlags());
      out.writeLong(s.falseFlags());
      out.writeLong(s.missed());
      out.writeLong(s.honestFlags());
      ints(out, s.firstMisbehaved());
      ints(out, s.firstCaught());
    }
    out.writeLong(checkpoint.workerMomentum().steps());
    StateCodec.vectors(out, checkpoint.workerMomentum().vectors());
    StateCodec.faults(out, checkpoint.faults());
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
      throw new IOException(
          "checkpoint format "
              + version
              + " (written by another ftsim version); this ftsim reads "
              + VERSION);
    }
    SimulationConfig config;
    try {
      config = JSON.readValue(StateCodec.string(in), SimulationConfig.class);
    } catch (JsonProcessingException e) {
      throw new IOException("unreadable configuration: " + e.getOriginalMessage(), e);
    }
    long step = in.readLong();
    long startedAt = in.readLong();
    double epochLoss = in.readDouble();
    int epochSteps = in.readInt();
    double lastMetric = in.readDouble();
    Checkpoint.Progress progress =
        new Checkpoint.Progress(startedAt, epochLoss, epochSteps, lastMetric, timings(in));
    float[] params = StateCodec.floats(in);
    OptimizerState optimizer = new OptimizerState(in.readLong(), StateCodec.vectors(in));
    Defense.State defense = StateCodec.defense(in);
    CorrectionState correction = null;
    if (in.readBoolean()) {
      Map<Integer, Fit> fits = new TreeMap<>();
      Map<Integer, Integer> fitSteps = new TreeMap<>();
      int count = in.readInt();
      for (int i = 0; i < count; i++) {
        Fit fit = StateCodec.fit(in);
        fits.put(fit.worker(), fit);
        fitSteps.put(fit.worker(), in.readInt());
      }
      Map<Integer, List<float[]>> pendingFaulty = StateCodec.pairs(in);
      Map<Integer, List<float[]>> pendingTrue = StateCodec.pairs(in);
      correction =
          new CorrectionState(
              fits,
              fitSteps,
              pendingFaulty,
              pendingTrue,
              in.readLong(),
              in.readDouble(),
              in.readLong());
    }
    DetectionState detection = null;
    if (in.readBoolean()) {
      double[] detector = StateCodec.doubles(in);
      detection =
          new DetectionState(
              detector,
              new DetectionScore.State(
                  in.readInt(),
                  in.readLong(),
                  in.readLong(),
                  in.readLong(),
                  in.readLong(),
                  ints(in),
                  ints(in)));
    }
    OptimizerState workerMomentum = new OptimizerState(in.readLong(), StateCodec.vectors(in));
    Map<Integer, FaultState> faults = StateCodec.faults(in);
    if (in.readInt() != END) {
      throw new IOException("checkpoint without its end mark");
    }
    return new Checkpoint(
        config,
        step,
        progress,
        params,
        optimizer,
        defense,
        correction,
        detection,
        workerMomentum,
        faults);
  }

  private static void ints(DataOutputStream out, int[] values) throws IOException {
    out.writeInt(values.length);
    for (int v : values) {
      out.writeInt(v);
    }
  }

  private static int[] ints(DataInputStream in) throws IOException {
    int[] values = new int[StateCodec.length(in)];
    for (int i = 0; i < values.length; i++) {
      values[i] = in.readInt();
    }
    return values;
  }
}
