package org.ftsim.driver;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.ftsim.CommandRuns;
import org.ftsim.SparkTestSession;
import org.ftsim.checkpoint.CheckpointStore;
import org.ftsim.cli.Main;
import org.ftsim.data.InputShape;
import org.ftsim.model.ModelSpec;
import org.ftsim.model.ParamInit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.factory.Nd4j;

/** {@code --init PATH}: a run starts from a saved network's parameters. */
class InitTest {

  @TempDir Path dir;

  String tb() {
    return dir.resolve("runs").toString();
  }

  String train(String args, String runId) {
    List<String> argv = new ArrayList<>(Arrays.asList(args.split(" ")));
    argv.addAll(List.of("-d", "synthetic", "-w", "2", "-gb", "64", "--run-id", runId, "-tb", tb()));
    return CommandRuns.ftsim(argv);
  }

  float[] params(String runId) {
    return CheckpointStore.of(tb(), runId, new Configuration()).latest().orElseThrow().params();
  }

  double firstLoss(String runId) {
    return SparkTestSession.get()
        .read()
        .parquet(tb() + "/steps/run_id=" + runId)
        .where("step = 1")
        .first()
        .<Double>getAs("train_loss");
  }

  /** A checkpoint of a trained run starts another run where the first left off. */
  @Test
  void aCheckpointFileStartsARunFromItsParameters() throws IOException {
    train("--max-steps 40 --lr 0.05 --checkpoint-every 40", "trained");
    Path file;
    try (var files = Files.list(dir.resolve("runs/checkpoints/trained"))) {
      file = files.filter(f -> f.toString().endsWith(".ckpt")).findFirst().orElseThrow();
    }
    // A learning rate too small to move a float: the parameters after step 1 are the loaded ones.
    train(
        "--init " + file + " --max-steps 1 --lr 1e-20 --momentum 0 --checkpoint-every 1", "tuned");
    train("--max-steps 1 --lr 1e-20 --momentum 0 --checkpoint-every 1", "fresh");
    assertArrayEquals(params("trained"), params("tuned"));
    assertTrue(
        firstLoss("tuned") < firstLoss("fresh") - 0.1,
        "trained " + firstLoss("tuned") + " against fresh " + firstLoss("fresh"));
  }

  /** A DL4J model zip of the same network (ModelSerializer's format) works as well. */
  @Test
  void aDl4jModelZipStartsARun() throws IOException {
    ModelSpec spec = new ModelSpec("mlp", InputShape.flat(16), 4, false);
    float[] saved = ParamInit.pytorchDefault(spec, 99);
    MultiLayerNetwork net = spec.build();
    net.setParams(Nd4j.create(saved));
    Path zip = dir.resolve("model.zip");
    ModelSerializer.writeModel(net, zip.toFile(), false);
    train("--init " + zip + " --max-steps 1 --lr 1e-20 --momentum 0 --checkpoint-every 1", "zip");
    assertArrayEquals(saved, params("zip"));
  }

  @Test
  void aFileOfAnotherNetworkOrNoNetworkIsOneLine() throws IOException {
    ModelSpec other = new ModelSpec("mlp", InputShape.flat(16), 3, false);
    MultiLayerNetwork net = other.build();
    Path zip = dir.resolve("other.zip");
    ModelSerializer.writeModel(net, zip.toFile(), false);
    Path text = Files.writeString(dir.resolve("notes.txt"), "not a network");
    String[][] cases = {
      {zip.toString(), "holds " + net.numParams() + " parameters; mlp for this dataset has"},
      {text.toString(), "not an ftsim checkpoint nor a DL4J model zip"},
      {dir.resolve("absent.ckpt").toString(), "not an ftsim checkpoint nor a DL4J model zip"}
    };
    for (String[] c : cases) {
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      int status =
          Main.run(
              new String[] {"-d", "synthetic", "--init", c[0], "-tb", tb()},
              new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
              new PrintStream(err, true, StandardCharsets.UTF_8));
      String line = err.toString(StandardCharsets.UTF_8);
      assertEquals(Main.USAGE, status, line);
      assertTrue(line.startsWith("ftsim: --init " + c[0] + ": ") && line.contains(c[1]), line);
      assertEquals(1, line.strip().lines().count(), line);
    }
    assertTrue(Files.notExists(dir.resolve("runs")), "nothing written");
  }
}
