package org.ftsim.sweep;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A grid of runs: each key is an option of {@code ftsim train}, each with its values. A key given a
 * list is an axis; the runs are the Cartesian product of the axes, in file order with the last key
 * varying fastest (as nested loops over the keys would). A value is a scalar (string, number,
 * boolean) or, for an option that takes several values such as {@code faulty}, a list of scalars.
 *
 * @param axes the values of each key (an option's long name, its leading dashes dropped), in file
 *     order; never empty
 */
public record Grid(Map<String, List<Object>> axes) {

  /** Copies {@code axes}; refuses a key without values. */
  public Grid {
    Map<String, List<Object>> copy = new LinkedHashMap<>();
    for (Map.Entry<String, List<Object>> axis : axes.entrySet()) {
      String key = axis.getKey().strip().replaceFirst("^--?", "");
      if (axis.getValue().isEmpty()) {
        throw new GridException(key + ": [] (an axis without values gives no run)");
      }
      if (copy.put(key, Collections.unmodifiableList(new ArrayList<>(axis.getValue()))) != null) {
        throw new GridException(key + ": given twice");
      }
    }
    axes = Collections.unmodifiableMap(copy);
  }

  /** The number of grid points: the product of the axes' lengths. */
  public long size() {
    long size = 1;
    for (List<Object> values : axes.values()) {
      size *= values.size();
    }
    return size;
  }

  /** The keys given more than one value: what tells one run of the grid from another. */
  public List<String> varying() {
    return axes.entrySet().stream()
        .filter(a -> a.getValue().size() > 1)
        .map(Map.Entry::getKey)
        .toList();
  }

  /** Every grid point, a value per key in file order; the last key varies fastest. */
  public List<Map<String, Object>> points() {
    List<Map<String, Object>> points = new ArrayList<>();
    points.add(new LinkedHashMap<>());
    for (Map.Entry<String, List<Object>> axis : axes.entrySet()) {
      List<Map<String, Object>> next = new ArrayList<>(points.size() * axis.getValue().size());
      for (Map<String, Object> point : points) {
        for (Object value : axis.getValue()) {
          Map<String, Object> extended = new LinkedHashMap<>(point);
          extended.put(axis.getKey(), value);
          next.add(extended);
        }
      }
      points = next;
    }
    return points.stream().map(Collections::unmodifiableMap).toList();
  }
}
