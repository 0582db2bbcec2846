package org.ftsim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResultTablesTest {

  /** Spark writes a partition value's special characters as %XX (ExternalCatalogUtils). */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "e2e                       | e2e",
        "20250101-120000-mnist-ab12 | 20250101-120000-mnist-ab12",
        "sweep%3Adf%3Dkrum         | sweep:df=krum",
        "a%2Fb%25c                 | a/b%c",
        "100%                      | 100%",
        "x%zz                      | x%zz",
      })
  void partitionFolderNamesAreUnescaped(String folder, String runId) {
    assertEquals(runId, ResultTables.unescape(folder));
  }
}
