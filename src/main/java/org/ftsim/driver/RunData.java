package org.ftsim.driver;

import java.util.Arrays;
import org.ftsim.config.ConfigException;
import org.ftsim.config.SimulationConfig;
import org.ftsim.data.Dataset;
import org.ftsim.data.Features;
import org.ftsim.data.Holdout;
import org.ftsim.data.TrainTest;
import org.ftsim.model.ArchitectureRegistry;

/**
 * The data a run trains and evaluates on, from the dataset as loaded: images normalised as the
 * architecture's source does ({@link org.ftsim.model.Architecture#inputNormalisation()}), then the
 * validation set held out of the training set ({@code --validation}, {@link Holdout}).
 */
public final class RunData {

  private RunData() {}

  /** The data of run {@code c} (checked) from {@code loaded}. */
  public static TrainTest prepare(SimulationConfig c, TrainTest loaded) {
    float[] norm = ArchitectureRegistry.get(c.training().arch()).inputNormalisation();
    TrainTest data =
        norm == null
            ? loaded
            : new TrainTest(normalised(loaded.train(), norm), normalised(loaded.test(), norm));
    try {
      return Holdout.split(data, c.data().validation(), c.seed());
    } catch (IllegalArgumentException e) {
      throw new ConfigException("--validation", c.data().validation(), e.getMessage());
    }
  }

  private static Dataset normalised(Dataset set, float[] meanStd) {
    if (!(set.features() instanceof Features.Bytes bytes)) {
      return set;
    }
    float[] mean = new float[bytes.mean().length];
    float[] std = new float[mean.length];
    Arrays.fill(mean, meanStd[0]);
    Arrays.fill(std, meanStd[1]);
    return set.withFeatures(bytes.normalised(mean, std));
  }
}
