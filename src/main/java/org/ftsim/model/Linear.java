package org.ftsim.model;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.ftsim.data.InputShape;

/** {@code linear}: Linear(d, outputs), the dummy regression's model; takes any input. */
final class Linear extends SequentialArchitecture {

  @Override
  public String name() {
    return "linear";
  }

  @Override
  public String summary() {
    return "Linear(d, out): the regression model";
  }

  @Override
  public String layers() {
    return "Linear(d, out)";
  }

  @Override
  public boolean isRegressionModel() {
    return true;
  }

  @Override
  public String unsuitableInput(InputShape shape) {
    return null;
  }

  @Override
  public MultiLayerConfiguration configuration(InputShape input, int outputs, boolean regression) {
    return Layers.list(false)
        .layer(Layers.output(outputs, regression).nIn(input.size()).build())
        .build();
  }
}
