package org.ftsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** SPEC §10: one clear line naming the flag and value, status 2, nothing written. */
class BadInputTest {

  @TempDir Path dir;

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "-w 0                          | -w/--worker 0",
        "-w four                       | -w",
        "-f 4 -w 4                     | -f/--faulty 4: worker index out of range [0, 3]",
        "-f 1 1 -w 4                   | -f/--faulty 1: worker index repeated",
        "-f 0 1 2 3 -w 4               | every worker is faulty",
        "-f x -w 4                     | -f/--faulty x",
        "--resize 224                  | --resize 224: resizes images; the synthetic dataset's input is flat",
        "-d mnist --resize -1          | --resize -1: must be positive (or 0 for none)",
        "-f -1 -w 4                    | -f/--faulty -1: worker index out of range [0, 3]",
        "-f 0 -2 -w 4                  | -f/--faulty -2: worker index out of range [0, 3]",
        "-d dummy -f 0 --fault labelflip | --fault labelflip: flips labels; the dummy regression has none",
        "-d dummy -f 0 1 --fault-of 1=labelflip | --fault-of labelflip: flips labels; the dummy regression has none",
        "-gb 8 -w 16                   | -gb/--global_batch_size 8: smaller than the number of workers (16)",
        "-d imagenet                   | -d/--dataset imagenet: unknown dataset 'imagenet'; valid: dummy, mnist, fashion-mnist, cifar10, cifar100, synthetic",
        "--arch resnet                 | --arch resnet: unknown architecture; valid: linear, mlp, cnn, lenet",
        "-d dummy --arch mlp           | --arch mlp",
        "-f 1 --fault bogus            | --fault bogus: unknown fault 'bogus'; valid: scale, add, power, gaussian, random, signflip, zero, nan, inf, alie, ipm, mimic, labelflip, crash",
        "-f 1 --fault gaussian:-1      | --fault gaussian:-1",
        "-f 1 --fault gaussian:sd=1    | unknown parameter 'sd'",
        "-f 1 --fault-prob -0.1        | --fault-prob -0.1: must be in [0, 1]",
        "-f 1 --fault-of 1=bogus       | unknown fault 'bogus'",
        "-f 1 --fault-of x=zero        | --fault-of x: not a worker index",
        "-f 1 --fault scale:x          | --fault scale:x",
        "-f 1 --fault-of 2=zero        | worker 2 is not faulty",
        "--fault-prob 1.5 -f 1         | --fault-prob 1.5: must be in [0, 1]",
        "-df krumm                     | -df/--defense krumm: unknown aggregation rule 'krumm'; valid: mean",
        "-df drop                      | -df/--defense drop: drop removes the faulty workers, but -f names none",
        "--device cuda                 | --device cuda: no GPU backend",
        "--lr -1                       | --lr -1.0: must be a positive number",
        "--lr-scaling cube             | --lr-scaling cube",
        "--arch cnn                    | --arch cnn: cnn is a convolutional network and needs images; this dataset's input is flat (16 values) (dataset synthetic)",
        "-d dummy --arch cnn           | --arch cnn: the dummy regression takes the linear model",
        "--optimizer rmsprop           | --optimizer rmsprop: unknown optimizer; valid: sgd, adam",
        "--optimizer adam --momentum 0.9 | --momentum 0.9: momentum applies to sgd; adam uses betas (0.9, 0.999)",
        "--partition shards            | --partition shards: unknown partition 'shards'; valid: iid, dirichlet:alpha, label-sorted, gamma:g",
        "--partition dirichlet:-1      | --partition dirichlet:-1: alpha must be a finite number > 0",
        "--partition gamma:2           | --partition gamma:2: gamma must be in [0, 1]",
        "-d dummy --partition label-sorted | --partition label-sorted: deals by label; the dummy regression has none",
        "--partition dirichlet:0.0001 -gb 2000 -w 8 | --partition dirichlet:0.0001: no draw of 10000 gave each of the 8 workers a full sub-batch (250 samples)",
        "--tolerate 9 -w 4             | --tolerate 9",
        "--no-such-flag                | --no-such-flag",
        "--correct                     | --correct: corrects faulty workers, but -f names none",
        "-f 1 --correct -df drop       | drop discards the corrected gradients",
        "-f 1 --correct --correct-model gp | --correct-model gp: unknown regressor; valid: linear",
        "-f 1 --correct --correct-every 0 | --correct-every 0: must be positive",
        "--worker-momentum 1           | --worker-momentum 1.0: must be in [0, 1)",
        "--worker-momentum-update heavy | --worker-momentum-update heavy: unknown momentum update 'heavy'; valid: dampened, plain",
        "--weight-decay -0.1           | --weight-decay -0.1: must be a number >= 0",
        "--lr-milestones 200,x         | --lr-milestones 200,x: expected comma-separated steps, e.g. 200,400",
        "--lr-milestones 400,200       | --lr-milestones 400,200: milestones must increase; got [400, 200]",
        "--lr-milestones 0             | --lr-milestones 0: milestones are steps, from 1; got 0",
        "--lr-decay 0                  | --lr-decay 0.0: must be a positive number",
        "--byzantine-data some         | --byzantine-data some: valid: partitioned, iid, none",
        "-f 1 --byzantine-data none    | --byzantine-data none: faulty worker 1's fault scale:10 needs its own gradient, but it is dealt no data; use iid or partitioned",
        "-f 1 --fault labelflip --byzantine-data none | --byzantine-data none: faulty worker 1's fault labelflip needs its own gradient",
        "--validation 1                | --validation 1.0: must be in [0, 1)",
        "--validation 0.9999           | --validation 0.9999: holding out 0.9999 of 2048 samples leaves an empty part",
        "--arch byzfl-cnn-mnist        | --arch byzfl-cnn-mnist: byzfl-cnn-mnist takes 1×28×28 images, as its source (MNIST); got 1×1×16 (dataset synthetic)",
        "-df fltrust                   | -df/--defense fltrust: scores the reports against the server's root gradient: give --root-samples N",
        "-df fltrust --root-samples 0  | --root-samples 0: must be a positive number of samples",
        "-df fltrust --root-samples -5 | --root-samples -5: must be a positive number of samples",
        "-df fltrust --root-samples 5000 | --root-samples 5000: more than the 2048 samples of the training set",
        "-df fltrust --root-samples 1700 --validation 0.2 | --root-samples 1700: more than the 1638 samples of the training set",
        "--root-samples 10             | --root-samples 10: only -df fltrust uses the server's root gradient; -df mean does not",
        "-df fltrust --root-samples 10 --aggregate-on executors | --aggregate-on executors: rule fltrust runs on the driver only",
        "sweeep                        | unknown command 'sweeep'",
      })
  void userErrorsAreOneLineWithStatusTwoAndWriteNothing(String args, String expected) {
    List<String> argv = new ArrayList<>(Arrays.asList(args.trim().split("\\s+")));
    argv.addAll(List.of("-d", "synthetic", "-tb", dir.resolve("out").toString()));
    if (argv.indexOf("-d") != argv.lastIndexOf("-d")) {
      // the case sets its own dataset: drop the default one appended above
      int last = argv.lastIndexOf("-d");
      argv.remove(last + 1);
      argv.remove(last);
    }
    if (argv.get(0).equals("sweeep")) {
      argv = List.of("sweeep");
    }
    assertUserError(argv, expected);
    assertFalse(Files.exists(dir.resolve("out")), "nothing written");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "missing-data | --data-dir",
        "unwritable   | -tb/--tb",
      })
  void missingDataAndUnwritableResultsAreUserErrors(String kind, String flag) throws Exception {
    List<String> argv;
    if (kind.equals("missing-data")) {
      argv =
          List.of(
              "-d",
              "mnist",
              "--data-dir",
              dir.resolve("empty").toString(),
              "-tb",
              dir.resolve("out").toString());
      assertUserError(argv, flag);
      String message = run(argv)[1];
      assertTrue(
          message.contains("train-images-idx3-ubyte.gz not found") && message.contains("data/"),
          message);
      List<String> cifar =
          List.of(
              "-d",
              "cifar100",
              "--data-dir",
              dir.resolve("empty").toString(),
              "-tb",
              dir.resolve("out").toString());
      assertUserError(cifar, "--data-dir");
      message = run(cifar)[1];
      assertTrue(
          message.contains("cifar100/train.bin not found")
              && message.contains("data/fetch cifar100"),
          message);
    } else {
      Path file = Files.writeString(dir.resolve("a-file"), "x");
      argv = List.of("-d", "synthetic", "-tb", file.resolve("runs").toString());
      assertUserError(argv, flag);
    }
    assertFalse(Files.exists(dir.resolve("out")));
  }

  @Test
  void aSparkSettingFtsimCannotTakeIsAUserError() throws Exception {
    // As from spark-submit's --conf or FTSIM_JAVA_OPTS=-D...: Spark's conf reads the property.
    System.setProperty("spark.ftsim.inlineTasks", "maybe");
    try {
      String expected = "spark.ftsim.inlineTasks maybe: must be true or false";
      assertUserError(List.of("-d", "synthetic", "-tb", dir.resolve("out").toString()), expected);
      Path grid = Files.writeString(dir.resolve("grid.yaml"), "dataset: synthetic\nworker: 4\n");
      assertUserError(
          List.of("sweep", grid.toString(), "-tb", dir.resolve("out").toString()), expected);
    } finally {
      System.clearProperty("spark.ftsim.inlineTasks");
    }
    assertFalse(Files.exists(dir.resolve("out")), "nothing written");
  }

  static String[] run(List<String> argv) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status =
        Main.run(
            argv.toArray(new String[0]),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new String[] {
      String.valueOf(status),
      err.toString(StandardCharsets.UTF_8),
      out.toString(StandardCharsets.UTF_8)
    };
  }

  static void assertUserError(List<String> argv, String expected) {
    String[] r = run(argv);
    assertEquals("2", r[0], "status for " + argv + ": " + r[1]);
    String message = r[1];
    assertEquals(1, message.lines().count(), "one line: " + message);
    assertTrue(message.startsWith("ftsim: "), message);
    assertTrue(message.contains(expected), "expected «" + expected + "» in: " + message);
    assertFalse(message.contains("Exception") || message.contains("\tat "), message);
    assertEquals("", r[2], "nothing on stdout");
  }
}
