package org.ftsim.cli;

import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.ftsim.checkpoint.Checkpoint;
import org.ftsim.checkpoint.CheckpointStore;
import org.ftsim.config.ConfigException;
import org.ftsim.config.SimulationConfig;
import org.kohsuke.args4j.CmdLineParser;
import org.kohsuke.args4j.NamedOptionDef;
import org.kohsuke.args4j.spi.OptionHandler;

/**
 * {@code ftsim train --resume RUN_ID -tb DIR}: the last checkpoint of a run and the configuration
 * it continues with, which is the run's own but for the options that do not change its results.
 */
final class Resume {

  /** The options that may be given with {@code --resume}. */
  static final List<String> ALLOWED =
      List.of(
          "--resume", "-tb", "--tb", "--master", "--proc", "--checkpoint-every", "--tensorboard");

  private Resume() {}

  /**
   * The last checkpoint of run {@code command.resume} under {@code command.resultsDir}, with its
   * configuration's results directory, master, parallelism and checkpoint interval replaced by the
   * given ones; throws {@link UserError} when another option is given, when there is no checkpoint
   * or when the run finished.
   *
   * @param args the command line after the command name, to tell which options were given
   */
  static Checkpoint load(TrainCommand command, String[] args, CmdLineParser parser) {
    String id = command.resume;
    if (!id.matches("[A-Za-z0-9._-]+")) {
      throw new UserError(
          "--resume " + id + ": not a run id (letters, digits, '.', '_' and '-' only)");
    }
    Set<String> options = new HashSet<>();
    for (OptionHandler<?> handler : parser.getOptions()) {
      if (handler.option instanceof NamedOptionDef named) {
        options.add(named.name());
        options.addAll(List.of(named.aliases()));
      }
    }
    for (String arg : args) {
      String name = arg.split("=", 2)[0];
      if (options.contains(name) && !ALLOWED.contains(name)) {
        throw new UserError(
            "--resume "
                + id
                + ": "
                + name
                + " cannot be given with it (the run's configuration is its checkpoint's); only"
                + " -tb, --master, --proc, --checkpoint-every and --tensorboard can");
      }
    }
    CheckpointStore store =
        CheckpointStore.of(command.resultsDir, id, CheckpointStore.hadoopConfiguration());
    Checkpoint checkpoint;
    try {
      if (store.finished()) {
        throw new UserError(
            "--resume " + id + ": the run finished; its final checkpoint is in " + store);
      }
      checkpoint =
          store
              .latest()
              .orElseThrow(
                  () -> new UserError("--resume " + id + ": no checkpoint in " + store.location()));
    } catch (UncheckedIOException e) {
      throw new UserError("--resume " + id + ": " + e.getMessage());
    }
    SimulationConfig config = checkpoint.config();
    return checkpoint.withConfig(
        config.withRun(
            config
                .run()
                .withPlacement(
                    command.resultsDir, command.master, command.proc, command.checkpointEvery)));
  }

  /**
   * Refuses a fresh run under the id of a run that has checkpoints: its rows would mix with that
   * run's; it is resumed with {@code --resume}.
   */
  static void checkFresh(SimulationConfig config) {
    CheckpointStore store =
        CheckpointStore.of(
            config.run().resultsDir(), config.runId(), CheckpointStore.hadoopConfiguration());
    boolean exists;
    try {
      exists = store.exists();
    } catch (UncheckedIOException e) {
      return; // an unreachable file system is reported when the first rows are written
    }
    if (exists) {
      throw new ConfigException(
          "--run-id",
          config.runId(),
          "run "
              + config.runId()
              + " has checkpoints in "
              + store
              + "; continue it with --resume "
              + config.runId()
              + " or choose another id");
    }
  }
}
