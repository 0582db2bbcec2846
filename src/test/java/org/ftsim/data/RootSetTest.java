package org.ftsim.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The server's root samples: distinct, ascending, in range, a function of the seed alone. */
class RootSetTest {

  @Test
  void drawsDistinctAscendingSamplesOfTheTrainingSetFromTheSeed() {
    int[] a = RootSet.draw(1000, 100, 7);
    assertEquals(100, a.length);
    for (int i = 0; i < a.length; i++) {
      assertTrue(a[i] >= 0 && a[i] < 1000, "in range: " + a[i]);
      assertTrue(i == 0 || a[i] > a[i - 1], "distinct and ascending at " + i);
    }
    assertArrayEquals(a, RootSet.draw(1000, 100, 7));
    assertFalse(Arrays.equals(a, RootSet.draw(1000, 100, 8)), "another seed, another set");
    // Not a block of the training set: spread over it.
    assertTrue(a[0] < 100 && a[99] > 900, a[0] + ".." + a[99]);
    // All of it, in order.
    int[] all = RootSet.draw(5, 5, 3);
    assertArrayEquals(new int[] {0, 1, 2, 3, 4}, all);
  }

  @Test
  void aSmallerSetIsTheSameShuffleCutShorter() {
    // The first 10 of the seeded permutation are among the first 20.
    int[] ten = RootSet.draw(500, 10, 11);
    int[] twenty = RootSet.draw(500, 20, 11);
    for (int x : ten) {
      assertTrue(Arrays.binarySearch(twenty, x) >= 0, x + " in the larger set");
    }
  }

  @Test
  void countsOutsideOneToTheSizeAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> RootSet.draw(10, 0, 1));
    assertThrows(IllegalArgumentException.class, () -> RootSet.draw(10, 11, 1));
    assertThrows(IllegalArgumentException.class, () -> RootSet.draw(10, -1, 1));
  }
}
