package org.ftsim.report;

import java.util.List;

/**
 * A titled part of the report: a note, a table if it has one, and its figures, shown side by side
 * when there are several.
 *
 * @param id the HTML id
 * @param title the heading
 * @param note a sentence or two on what is shown (plain text)
 * @param table rows of cells, the first the header; empty for none
 * @param figures the charts, possibly none (the note then says why)
 */
record Section(
    String id, String title, String note, List<List<String>> table, List<Figure> figures) {

  Section {
    table = table.stream().map(List::copyOf).toList();
    figures = List.copyOf(figures);
  }

  /** A section of figures only. */
  Section(String id, String title, String note, List<Figure> figures) {
    this(id, title, note, List.of(), figures);
  }
}
