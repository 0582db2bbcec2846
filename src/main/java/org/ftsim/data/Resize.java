package org.ftsim.data;

/**
 * Bilinear resizing of images, as {@code torchvision.transforms.Resize} upsamples: half-pixel
 * centres ({@code align_corners=False}), each output pixel interpolated from the two nearest input
 * rows and columns, edges clamped. Applied to ftsim's normalised features: interpolation is linear,
 * so it commutes with the per-channel normalisation; PIL, which the prototype resizes with, rounds
 * its interpolated pixels to bytes, a difference below 1/255 of the range per pixel.
 */
public final class Resize {

  private Resize() {}

  /**
   * Writes {@code src} (one sample of shape {@code from}, channel-major) resized to {@code to}'s
   * height and width into {@code dst} from {@code offset}.
   *
   * @throws IllegalArgumentException when the channel counts differ
   */
  public static void bilinear(
      float[] src, InputShape from, InputShape to, float[] dst, int offset) {
    if (from.channels() != to.channels()) {
      throw new IllegalArgumentException(
          "resizing keeps the channels; got " + from.channels() + " and " + to.channels());
    }
    int[] y0 = new int[to.height()];
    int[] y1 = new int[to.height()];
    float[] wy = new float[to.height()];
    taps(from.height(), to.height(), y0, y1, wy);
    int[] x0 = new int[to.width()];
    int[] x1 = new int[to.width()];
    float[] wx = new float[to.width()];
    taps(from.width(), to.width(), x0, x1, wx);
    int inPlane = from.height() * from.width();
    int outPlane = to.height() * to.width();
    for (int c = 0; c < from.channels(); c++) {
      int in = c * inPlane;
      int out = offset + c * outPlane;
      for (int i = 0; i < to.height(); i++) {
        int r0 = in + y0[i] * from.width();
        int r1 = in + y1[i] * from.width();
        float fy = wy[i];
        for (int j = 0; j < to.width(); j++) {
          float top = src[r0 + x0[j]] + wx[j] * (src[r0 + x1[j]] - src[r0 + x0[j]]);
          float bottom = src[r1 + x0[j]] + wx[j] * (src[r1 + x1[j]] - src[r1 + x0[j]]);
          dst[out + i * to.width() + j] = top + fy * (bottom - top);
        }
      }
    }
  }

  /** For each output index: the two input indices and the weight of the second. */
  private static void taps(int in, int out, int[] lo, int[] hi, float[] weight) {
    double scale = (double) in / out;
    for (int o = 0; o < out; o++) {
      double s = Math.max(0, (o + 0.5) * scale - 0.5);
      int l = Math.min((int) Math.floor(s), in - 1);
      lo[o] = l;
      hi[o] = Math.min(l + 1, in - 1);
      weight[o] = (float) (s - l);
    }
  }
}
