package org.ftsim.tensorboard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.SparkSession;
import org.ftsim.config.ConfigException;
import org.ftsim.results.ResultSink;
import org.ftsim.results.Table;

/**
 * {@code ftsim import-tensorboard DIR}: TensorBoard event files turned into result rows. Every
 * folder under DIR that holds event files ({@code *tfevents*}, TensorBoard's rule) is one run,
 * named by its path under DIR ('/' as '-'): a {@code runs} row of status {@code imported} with what
 * the folder's name says ({@link FolderName}), a {@code steps} row per {@code Loss/train} scalar
 * and an {@code evals} row per {@code Accuracy/val} (or {@code MSE/val}) scalar.
 *
 * <p>Everything is read and checked before anything is written: DIR without event files, a file
 * that holds no sound record or no event, and a run id already in the results directory are
 * refused. Corrupt records inside a file are reported (file and offset) and skipped.
 */
public final class Import {

  /** The status of an imported run's runs row. */
  public static final String STATUS = "imported";

  /** The phase of an imported run's steps rows. */
  public static final String PHASE = "imported";

  private static final String ARGUMENT = "import-tensorboard DIR";

  /** One run read from a folder of event files. */
  public record Run(
      String runId,
      String folder,
      FolderName name,
      int files,
      TreeMap<Long, Double> loss,
      TreeMap<Long, Double> lossWallTime,
      TreeMap<Long, Double> metric,
      String metricName,
      TreeMap<Long, Double> testLoss,
      double firstWallTime,
      double lastWallTime,
      List<String> problems) {

    /** The last evaluation's metric, or null. */
    public Double finalMetric() {
      return metric.isEmpty() ? null : metric.lastEntry().getValue();
    }

    /** The last step with a scalar. */
    public long lastStep() {
      long last = loss.isEmpty() ? 0 : loss.lastKey();
      return metric.isEmpty() ? last : Math.max(last, metric.lastKey());
    }
  }

  private final List<Run> runs;

  private Import(List<Run> runs) {
    this.runs = runs;
  }

  /** The runs read. */
  public List<Run> runs() {
    return runs;
  }

  /**
   * Reads every event file under {@code dir}, printing each corrupt record to {@code warnings}.
   * Throws {@link ConfigException} (naming DIR and the file) for bad input.
   */
  public static Import read(String dir, Consumer<String> warnings) {
    Path root = Path.of(dir);
    if (!Files.isDirectory(root)) {
      throw new ConfigException(ARGUMENT, dir, "not a directory");
    }
    Map<Path, List<Path>> byFolder = new TreeMap<>();
    try (Stream<Path> files = Files.walk(root)) {
      files
          .filter(Files::isRegularFile)
          .filter(p -> p.getFileName().toString().contains("tfevents"))
          .sorted()
          .forEach(p -> byFolder.computeIfAbsent(p.getParent(), f -> new ArrayList<>()).add(p));
    } catch (IOException | UncheckedIOException e) {
      throw new ConfigException(ARGUMENT, dir, "cannot be read: " + e.getMessage());
    }
    if (byFolder.isEmpty()) {
      throw new ConfigException(
          ARGUMENT, dir, "no TensorBoard event files (events.out.tfevents.*) in it or below");
    }
    List<Run> runs = new ArrayList<>();
    Map<String, Path> ids = new LinkedHashMap<>();
    List<String> skipped = new ArrayList<>();
    for (Map.Entry<Path, List<Path>> folder : byFolder.entrySet()) {
      String relative =
          folder.getKey().equals(root)
              ? String.valueOf(root.toAbsolutePath().normalize().getFileName())
              : root.relativize(folder.getKey()).toString().replace('\\', '/');
      Run run = readRun(dir, relative, folder.getValue(), warnings);
      if (run.loss().isEmpty() && run.metric().isEmpty()) {
        skipped.add(
            folder.getKey() + ": no Loss/train, Accuracy/val or MSE/val scalars; not imported");
        continue;
      }
      Path other = ids.put(run.runId(), folder.getKey());
      if (other != null) {
        throw new ConfigException(
            ARGUMENT,
            dir,
            "folders "
                + other
                + " and "
                + folder.getKey()
                + " give the same run id "
                + run.runId());
      }
      runs.add(run);
    }
    if (runs.isEmpty()) {
      throw new ConfigException(
          ARGUMENT, dir, "its event files hold no Loss/train, Accuracy/val or MSE/val scalars");
    }
    skipped.forEach(warnings);
    return new Import(runs);
  }

  /**
   * Refuses run ids that {@code resultsDir} holds already; then writes the runs' rows and waits
   * until they are on disk.
   */
  public void write(SparkSession spark, String resultsDir) {
    try {
      for (Run run : runs) {
        org.apache.hadoop.fs.Path runsRow =
            new org.apache.hadoop.fs.Path(
                ResultSink.partition(resultsDir, Table.RUNS.folder(), run.runId()));
        FileSystem fs = runsRow.getFileSystem(new Configuration());
        if (fs.exists(runsRow)) {
          throw new ConfigException(
              "-tb/--tb", resultsDir, "already holds a run " + run.runId() + "; nothing imported");
        }
      }
    } catch (IOException e) {
      throw new ConfigException("-tb/--tb", resultsDir, "cannot be read: " + e.getMessage());
    }
    ResultSink sink = new ResultSink(spark, resultsDir);
    for (Run run : runs) {
      ImportedRows.rows(run).forEach(sink::add);
    }
    sink.flush();
    for (Run run : runs) {
      sink.run(ImportedRows.runRow(run));
    }
    sink.await();
  }

  private static Run readRun(String dir, String relative, List<Path> files, Consumer<String> warn) {
    TreeMap<Long, Double> loss = new TreeMap<>();
    TreeMap<Long, Double> lossWall = new TreeMap<>();
    TreeMap<Long, Double> accuracy = new TreeMap<>();
    TreeMap<Long, Double> mse = new TreeMap<>();
    TreeMap<Long, Double> testLoss = new TreeMap<>();
    double first = Double.POSITIVE_INFINITY;
    double last = Double.NEGATIVE_INFINITY;
    List<String> problems = new ArrayList<>();
    for (Path file : files) {
      byte[] bytes;
      try {
        bytes = Files.readAllBytes(file);
      } catch (IOException e) {
        throw new ConfigException(ARGUMENT, dir, file + " cannot be read: " + e.getMessage());
      }
      if (bytes.length == 0) {
        warn.accept(file + ": empty, skipped");
        continue;
      }
      RecordReader.Contents contents = RecordReader.read(bytes);
      if (contents.records().isEmpty()) {
        RecordReader.Problem p = contents.problems().get(0);
        throw new ConfigException(
            ARGUMENT,
            dir,
            file + " is not a TFRecord file (offset " + p.offset() + ": " + p.message() + ")");
      }
      List<String> fileProblems = new ArrayList<>();
      for (RecordReader.Problem p : contents.problems()) {
        fileProblems.add(file.getFileName() + " offset " + p.offset() + ": " + p.message());
      }
      int events = 0;
      for (RecordReader.Record record : contents.records()) {
        Events.Event event;
        try {
          event = Events.decode(record.data());
        } catch (IOException e) {
          fileProblems.add(
              file.getFileName() + " offset " + record.offset() + ": not an Event protocol buffer");
          continue;
        }
        events++;
        first = Math.min(first, event.wallTime());
        last = Math.max(last, event.wallTime());
        for (Events.Scalar s : event.scalars()) {
          switch (s.tag()) {
            case RunEvents.LOSS -> {
              loss.put(event.step(), s.value());
              lossWall.put(event.step(), event.wallTime());
            }
            case RunEvents.ACCURACY -> accuracy.put(event.step(), s.value());
            case RunEvents.MSE -> mse.put(event.step(), s.value());
            case RunEvents.TEST_LOSS -> testLoss.put(event.step(), s.value());
            default -> {}
          }
        }
      }
      if (events == 0) {
        throw new ConfigException(
            ARGUMENT, dir, file + " is not a TensorBoard event file (no record is an Event)");
      }
      for (String p : fileProblems) {
        warn.accept(file.getParent() + "/" + p);
      }
      problems.addAll(fileProblems);
    }
    boolean regression = accuracy.isEmpty() && !mse.isEmpty();
    Path folder = files.get(0).getParent().toAbsolutePath().normalize();
    return new Run(
        runId(relative),
        folder.toString(),
        FolderName.parse(relative),
        files.size(),
        loss,
        lossWall,
        regression ? mse : accuracy,
        regression ? "mse" : "accuracy",
        testLoss,
        Double.isFinite(first) ? first : 0,
        Double.isFinite(last) ? last : 0,
        problems);
  }

  /**
   * A run id from a folder path: '/' as '-', anything but letters, digits, '.', '_', '-' as '_'.
   */
  static String runId(String relative) {
    return relative
        .replace('/', '-')
        .chars()
        .mapToObj(
            c ->
                Character.isLetterOrDigit(c) && c < 128 || c == '.' || c == '_' || c == '-'
                    ? String.valueOf((char) c)
                    : "_")
        .collect(Collectors.joining());
  }

  /** A one-line account of {@code run}, for the console. */
  public static String describe(Run run) {
    Double m = run.finalMetric();
    return String.format(
        Locale.ROOT,
        "imported %s: %d steps, %d evaluations, final %s %s (%d file%s%s)",
        run.runId(),
        run.loss().size(),
        run.metric().size(),
        run.metricName(),
        m == null ? "none" : String.format(Locale.ROOT, "%.4f", m),
        run.files(),
        run.files() == 1 ? "" : "s",
        run.problems().isEmpty()
            ? ""
            : ", " + run.problems().size() + " corrupt record(s) skipped");
  }
}
