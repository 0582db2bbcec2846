package org.ftsim.config;

/**
 * The data and how it is dealt.
 *
 * @param dataset dataset name
 * @param workers n, the simulated workers
 * @param globalBatchSize samples per step over all workers
 * @param partition how the training set is dealt to the workers
 * @param resize the side images are resized to (bilinearly, as the prototype does for ResNets), or
 *     0 for the dataset's own size
 */
public record DataConfig(
    String dataset, int workers, int globalBatchSize, String partition, int resize) {

  /** SPEC §3's defaults. */
  public static DataConfig defaults() {
    return new DataConfig("mnist", 4, 512, "iid", 0);
  }
}
