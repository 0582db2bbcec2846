package org.ftsim.checkpoint;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.StreamCapabilities;
import org.apache.spark.SparkConf;
import scala.Tuple2;

/**
 * The checkpoints of one run: {@code DIR/checkpoints/RUN_ID/step-NNNNNNNNNN.ckpt} under the results
 * directory, on any Hadoop file system (local, {@code hdfs://}, {@code s3a://}).
 *
 * <p>A checkpoint is one file, written under a temporary name ({@code _step-N.ckpt.tmp}) and then
 * renamed ({@code FileSystem.rename}): a reader sees a whole checkpoint or none, on S3 too, where a
 * one-object rename is a copy. Once the new one is in place the older ones and any leftover
 * temporary files are deleted, so the folder holds the newest checkpoint (two, briefly). A run that
 * finishes leaves its final checkpoint and a {@code finished} mark, so that it is not resumed.
 */
public final class CheckpointStore {

  /** The folder, under the results directory, holding one folder of checkpoints per run. */
  public static final String FOLDER = "checkpoints";

  private static final Pattern NAME = Pattern.compile("step-(\\d+)\\.ckpt");
  private static final String FINISHED = "finished";

  private final Path dir;
  private final Configuration hadoop;

  private CheckpointStore(Path dir, Configuration hadoop) {
    this.dir = dir;
    this.hadoop = hadoop;
  }

  /** The checkpoints of run {@code runId} under results directory {@code resultsDir}. */
  public static CheckpointStore of(String resultsDir, String runId, Configuration hadoop) {
    String base = resultsDir.endsWith("/") ? resultsDir : resultsDir + "/";
    return new CheckpointStore(new Path(base + FOLDER + "/" + runId), hadoop);
  }

  /**
   * The Hadoop configuration of a Spark application not yet started: defaults plus the {@code
   * spark.hadoop.*} settings of Spark's configuration (spark-submit's, system properties).
   */
  public static Configuration hadoopConfiguration() {
    Configuration conf = new Configuration();
    for (Tuple2<String, String> entry : new SparkConf().getAll()) {
      if (entry._1().startsWith("spark.hadoop.")) {
        conf.set(entry._1().substring("spark.hadoop.".length()), entry._2());
      }
    }
    return conf;
  }

  /** The folder of this run's checkpoints, as a path string. */
  public String location() {
    return dir.toString();
  }

  /** The path a checkpoint of step {@code step} is written to. */
  public String pathOf(long step) {
    return new Path(dir, name(step)).toString();
  }

  /**
   * Writes {@code checkpoint} atomically, then deletes the older ones.
   *
   * @throws UncheckedIOException when it cannot be written
   */
  public void write(Checkpoint checkpoint) {
    long step = checkpoint.step();
    Path target = new Path(dir, name(step));
    Path temporary = new Path(dir, "_" + name(step) + ".tmp");
    try {
      FileSystem fs = dir.getFileSystem(hadoop);
      fs.mkdirs(dir);
      try (FSDataOutputStream out = fs.create(temporary, true)) {
        CheckpointFile.write(checkpoint, out);
        if (out.hasCapability(StreamCapabilities.HSYNC)) {
          out.hsync();
        }
      }
      if (fs.exists(target)) {
        fs.delete(target, false);
      }
      if (!fs.rename(temporary, target)) {
        throw new IOException("could not rename " + temporary + " to " + target);
      }
      for (FileStatus file : fs.listStatus(dir)) {
        String name = file.getPath().getName();
        Matcher m = NAME.matcher(name);
        boolean older = m.matches() && Long.parseLong(m.group(1)) < step;
        boolean leftover = name.startsWith("_") && name.endsWith(".tmp");
        if (older || leftover) {
          fs.delete(file.getPath(), false);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("writing checkpoint " + target + " failed: " + e, e);
    }
  }

  /**
   * The newest checkpoint, if any.
   *
   * @throws UncheckedIOException when the folder cannot be listed or the checkpoint read
   */
  public Optional<Checkpoint> latest() {
    Optional<Path> newest = newest();
    if (newest.isEmpty()) {
      return Optional.empty();
    }
    try (FSDataInputStream in = newest.get().getFileSystem(hadoop).open(newest.get())) {
      return Optional.of(CheckpointFile.read(in));
    } catch (IOException e) {
      throw new UncheckedIOException("reading checkpoint " + newest.get() + " failed: " + e, e);
    }
  }

  /**
   * The checkpoint in file {@code path} (any Hadoop path), e.g. {@code
   * DIR/checkpoints/RUN_ID/step-0000000100.ckpt}.
   *
   * @throws UncheckedIOException when it cannot be read or is not a whole checkpoint
   */
  public static Checkpoint readFile(String path, Configuration hadoop) {
    Path file = new Path(path);
    try (FSDataInputStream in = file.getFileSystem(hadoop).open(file)) {
      return CheckpointFile.read(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e.getMessage(), e);
    }
  }

  /** Whether this run has a checkpoint or a {@code finished} mark. */
  public boolean exists() {
    return newest().isPresent() || finished();
  }

  /** Marks the run finished: its runs row is written; it is not to be resumed. */
  public void markFinished() {
    try {
      FileSystem fs = dir.getFileSystem(hadoop);
      fs.mkdirs(dir);
      fs.create(new Path(dir, FINISHED), true).close();
    } catch (IOException e) {
      throw new UncheckedIOException("marking " + dir + " finished failed: " + e, e);
    }
  }

  /** Whether the run finished (see {@link #markFinished()}). */
  public boolean finished() {
    try {
      Path mark = new Path(dir, FINISHED);
      return mark.getFileSystem(hadoop).exists(mark);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Optional<Path> newest() {
    try {
      FileSystem fs = dir.getFileSystem(hadoop);
      FileStatus[] files;
      try {
        files = fs.listStatus(dir);
      } catch (FileNotFoundException e) {
        return Optional.empty();
      }
      Path best = null;
      long bestStep = -1;
      for (FileStatus file : files) {
        Matcher m = NAME.matcher(file.getPath().getName());
        if (m.matches() && Long.parseLong(m.group(1)) > bestStep) {
          bestStep = Long.parseLong(m.group(1));
          best = file.getPath();
        }
      }
      return Optional.ofNullable(best);
    } catch (IOException e) {
      throw new UncheckedIOException("listing checkpoints in " + dir + " failed: " + e, e);
    }
  }

  private static String name(long step) {
    return String.format(Locale.ROOT, "step-%010d.ckpt", step);
  }

  /** The file system's name for the folder, for messages. */
  @Override
  public String toString() {
    return dir.toString();
  }
}
