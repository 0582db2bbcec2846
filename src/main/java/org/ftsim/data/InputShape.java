package org.ftsim.data;

import java.io.Serializable;

/** The shape of one input sample: channels × height × width; flat data is 1 × 1 × d. */
public record InputShape(int channels, int height, int width) implements Serializable {

  /** A flat input of {@code d} values. */
  public static InputShape flat(int d) {
    return new InputShape(1, 1, d);
  }

  /** The number of values of one sample. */
  public int size() {
    return channels * height * width;
  }
}
