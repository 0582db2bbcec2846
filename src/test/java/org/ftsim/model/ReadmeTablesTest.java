package org.ftsim.model;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ftsim.data.DatasetRegistry;
import org.junit.jupiter.api.Test;

/**
 * The README's datasets and architectures tables are exactly what the descriptors render: a
 * descriptor change that is not copied to the README fails here, with the table to paste.
 */
class ReadmeTablesTest {

  private static void assertTableIn(String readme, String table) {
    // Blank lines on both sides: the whole table, not a prefix or suffix of a longer one.
    assertTrue(readme.contains("\n\n" + table + "\n"), "README.md should hold:\n" + table);
  }

  @Test
  void readmeHoldsTheRenderedTables() throws IOException {
    String readme = Files.readString(Path.of("README.md"));
    assertTableIn(readme, DatasetRegistry.markdownTable());
    assertTableIn(readme, ArchitectureRegistry.markdownTable());
  }
}
