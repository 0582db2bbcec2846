package org.ftsim.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Bilinear resizing as torchvision upsamples (half-pixel centres, edges clamped). */
class ResizeTest {

  /**
   * {@code F.interpolate(torch.tensor([[[[0., 1], [2, 3]]]]), size=4, mode='bilinear',
   * align_corners=False)} in PyTorch, worked by hand: source coordinates (o + ½)·½ − ½ clamped to
   * [0, 1], i.e. 0, ¼, ¾, 1.
   */
  @Test
  void twoByTwoToFourByFourIsPyTorchs() {
    float[] out = new float[16];
    Resize.bilinear(
        new float[] {0, 1, 2, 3}, new InputShape(1, 2, 2), new InputShape(1, 4, 4), out, 0);
    assertArrayEquals(
        new float[] {
          0, 0.25f, 0.75f, 1, 0.5f, 0.75f, 1.25f, 1.5f, 1.5f, 1.75f, 2.25f, 2.5f, 2, 2.25f, 2.75f, 3
        },
        out);
  }

  @Test
  void channelsAreResizedApartAtTheOffset() {
    float[] out = new float[2 + 2 * 9];
    Resize.bilinear(
        new float[] {1, 1, 1, 1, 5, 5, 5, 5},
        new InputShape(2, 2, 2),
        new InputShape(2, 3, 3),
        out,
        2);
    float[] expected = new float[20];
    java.util.Arrays.fill(expected, 2, 11, 1);
    java.util.Arrays.fill(expected, 11, 20, 5);
    assertArrayEquals(expected, out, "a constant image stays constant, channel by channel");
    assertThrows(
        IllegalArgumentException.class,
        () ->
            Resize.bilinear(
                new float[4], new InputShape(1, 2, 2), new InputShape(3, 4, 4), new float[48], 0));
  }
}
