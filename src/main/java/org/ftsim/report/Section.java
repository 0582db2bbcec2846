package org.ftsim.report;

import java.util.List;

/**
 * A titled part of the report: a note, a table if it has one, and its figures, shown side by side
 * when there are several.
 *
 * @param id the HTML id
 * @param title the heading
 * @param note a sentence or two on what is shown (plain text)
 * @param figures the charts, possibly none (the note then says why)
 * @param table a table shown under the note, its first row the header; empty for none
 */
record Section(
    String id, String title, String note, List<Figure> figures, List<List<String>> table) {

  Section {
    figures = List.copyOf(figures);
    table = table.stream().map(List::copyOf).toList();
  }

  /** A section of figures only. */
  Section(String id, String title, String note, List<Figure> figures) {
    this(id, title, note, figures, List.of());
  }
}
