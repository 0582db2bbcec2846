package org.ftsim.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;

/**
 * A chart rendered as PNG, ready to embed in the page as a data URI.
 *
 * @param id the HTML id of the figure
 * @param caption what the chart shows and how it was reduced
 * @param png the PNG bytes
 * @param width width in pixels
 * @param height height in pixels
 */
record Figure(String id, String caption, byte[] png, int width, int height) {

  /** Renders {@code chart} at {@code width} × {@code height} pixels. */
  static Figure render(String id, String caption, JFreeChart chart, int width, int height) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      ChartUtils.writeChartAsPNG(bytes, chart, width, height);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Figure(id, caption, bytes.toByteArray(), width, height);
  }

  /** The PNG as a {@code data:} URI. */
  String dataUri() {
    return "data:image/png;base64," + Base64.getEncoder().encodeToString(png);
  }
}
