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
 * @param byzantineData what the faulty workers are dealt ({@code --byzantine-data}): {@code
 *     partitioned} (a share of the partition, like every worker), {@code iid} (the partition deals
 *     to the honest workers only; each faulty worker gets an IID shard, as the bucketing code) or
 *     {@code none} (the honest workers share the data and the global batch, as ByzFL)
 * @param validation the fraction of the training set held out for validation ({@code
 *     --validation}), never trained on; 0 for none
 */
public record DataConfig(
    String dataset,
    int workers,
    int globalBatchSize,
    String partition,
    int resize,
    String byzantineData,
    double validation) {

  /** Today's dealing: the faulty workers hold a share of the partition like the others. */
  public static final String DEFAULT_BYZANTINE_DATA = "partitioned";

  public DataConfig {
    if (byzantineData == null) {
      byzantineData = DEFAULT_BYZANTINE_DATA;
    }
  }

  /** Without the issue-13 options: faulty workers dealt as the others, no validation set. */
  public DataConfig(
      String dataset, int workers, int globalBatchSize, String partition, int resize) {
    this(dataset, workers, globalBatchSize, partition, resize, DEFAULT_BYZANTINE_DATA, 0);
  }

  /** SPEC §3's defaults. */
  public static DataConfig defaults() {
    return new DataConfig("mnist", 4, 512, "iid", 0);
  }
}
