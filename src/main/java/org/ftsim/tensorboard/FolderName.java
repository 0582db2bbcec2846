package org.ftsim.tensorboard;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ftsim.data.DatasetRegistry;
import org.ftsim.model.ArchitectureRegistry;

/**
 * What the prototype's folder naming says of a run: {@code [arch_]Nw[_Ff]_bB[_correct|_normal]}
 * under a folder named after the dataset, e.g. {@code cifar100/8w_2f_b256_correct} or {@code
 * cifar100/resnet_4w_b256_normal}. Tokens are separated by '_'; tokens it does not know are
 * ignored, and what a name does not say is unknown.
 *
 * @param dataset a dataset named by one of the path's folders, or {@code unknown}
 * @param arch an architecture named by a token ({@code resnet}, or one of ftsim's), or {@code
 *     unknown}
 * @param workers the {@code Nw} token, or 0
 * @param faulty the {@code Ff} token, or 0 (a name gives how many, not which)
 * @param globalBatch the {@code bB} token, or 0
 * @param correct whether a token is {@code correct}
 */
public record FolderName(
    String dataset, String arch, int workers, int faulty, int globalBatch, boolean correct) {

  /** What neither a folder nor the prototype's naming says. */
  public static final String UNKNOWN = "unknown";

  private static final Pattern WORKERS = Pattern.compile("(\\d{1,6})w");
  private static final Pattern FAULTY = Pattern.compile("(\\d{1,6})f");
  private static final Pattern BATCH = Pattern.compile("b(\\d{1,6})");

  /** Parses {@code path}, the run's folder relative to the imported directory, '/'-separated. */
  public static FolderName parse(String path) {
    List<String> folders = List.of(path.toLowerCase(Locale.ROOT).split("/"));
    String dataset = UNKNOWN;
    for (String folder : folders) {
      if (DatasetRegistry.names().contains(folder)) {
        dataset = folder;
      }
    }
    String arch = UNKNOWN;
    int workers = 0;
    int faulty = 0;
    int batch = 0;
    boolean correct = false;
    for (String token : folders.get(folders.size() - 1).split("_")) {
      Matcher m;
      if ((m = WORKERS.matcher(token)).matches()) {
        workers = Integer.parseInt(m.group(1));
      } else if ((m = FAULTY.matcher(token)).matches()) {
        faulty = Integer.parseInt(m.group(1));
      } else if ((m = BATCH.matcher(token)).matches()) {
        batch = Integer.parseInt(m.group(1));
      } else if (token.equals("correct")) {
        correct = true;
      } else if (token.startsWith("resnet") || ArchitectureRegistry.names().contains(token)) {
        arch = token;
      }
    }
    return new FolderName(dataset, arch, workers, faulty, batch, correct);
  }
}
