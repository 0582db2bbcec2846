package org.ftsim.driver;

import org.ftsim.config.SimulationConfig;
import org.ftsim.data.BatchPlan;
import org.ftsim.data.Dataset;
import org.ftsim.data.Partitioners;
import org.ftsim.results.ResultSink;
import org.ftsim.results.Rows.ShardRow;

/** The shards rows of a run: how many samples of each label each worker was dealt. */
final class ShardRows {

  private ShardRows() {}

  /**
   * The shards rows (each worker's label histogram), and a console line for a non-IID partition.
   */
  static void add(
      SimulationConfig config, Dataset train, ResultSink sink, BatchPlan batches, Console console) {
    if (!train.isClassification()) {
      return;
    }
    int[][] histogram = batches.labelHistogram(train);
    int smallest = Integer.MAX_VALUE;
    int largest = 0;
    for (int w = 0; w < histogram.length; w++) {
      int total = 0;
      for (int label = 0; label < histogram[w].length; label++) {
        sink.add(new ShardRow(config.runId(), w, label, histogram[w][label]));
        total += histogram[w][label];
      }
      smallest = Math.min(smallest, total);
      largest = Math.max(largest, total);
    }
    if (batches.isPooled()) {
      console.partition(
          config.data().partition(), smallest, largest, Partitioners.meanTotalVariation(histogram));
    }
  }
}
