package org.ftsim.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/** The charts of a sweep: ByzFL's heatmap and curves with a confidence band over seeds. */
final class SweepCharts {

  private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 14);
  private static final Font CELL = new Font(Font.SANS_SERIF, Font.BOLD, 13);

  private SweepCharts() {}

  /**
   * A heatmap of accuracies in [0, 1]: one cell per (column, row), coloured on a fixed scale from
   * red (0) through yellow to green (1), its value written in it; a colour bar on the right.
   *
   * @param values by row, by column: the value, NaN for no cell
   */
  static JFreeChart heatmap(
      String title,
      String xLabel,
      List<String> columns,
      String yLabel,
      List<String> rows,
      double[][] values) {
    int n = 0;
    for (double[] row : values) {
      for (double v : row) {
        n += Double.isNaN(v) ? 0 : 1;
      }
    }
    double[][] xyz = new double[3][n];
    int k = 0;
    for (int r = 0; r < rows.size(); r++) {
      for (int c = 0; c < columns.size(); c++) {
        if (!Double.isNaN(values[r][c])) {
          xyz[0][k] = c;
          xyz[1][k] = r;
          xyz[2][k++] = values[r][c];
        }
      }
    }
    DefaultXYZDataset data = new DefaultXYZDataset();
    data.addSeries("cells", xyz);
    XYBlockRenderer renderer = new XYBlockRenderer();
    AccuracyScale scale = new AccuracyScale();
    renderer.setPaintScale(scale);
    SymbolAxis x = new SymbolAxis(xLabel, columns.toArray(new String[0]));
    SymbolAxis y = new SymbolAxis(yLabel, rows.toArray(new String[0]));
    x.setGridBandsVisible(false);
    y.setGridBandsVisible(false);
    x.setRange(-0.5, columns.size() - 0.5);
    y.setRange(-0.5, rows.size() - 0.5);
    XYPlot plot = new XYPlot(data, x, y, renderer);
    plot.setBackgroundPaint(new Color(0xF4F4F4));
    plot.setDomainGridlinesVisible(false);
    plot.setRangeGridlinesVisible(false);
    plot.setOutlineVisible(false);
    for (int i = 0; i < n; i++) {
      XYTextAnnotation text =
          new XYTextAnnotation(String.format(Locale.ROOT, "%.2f", xyz[2][i]), xyz[0][i], xyz[1][i]);
      text.setFont(CELL);
      text.setPaint(scale.textOn(xyz[2][i]));
      plot.addAnnotation(text);
    }
    JFreeChart chart = new JFreeChart(title, TITLE, plot, false);
    chart.setBackgroundPaint(Color.WHITE);
    NumberAxis bar = new NumberAxis("accuracy");
    bar.setRange(0, 1);
    PaintScaleLegend legend = new PaintScaleLegend(scale, bar);
    legend.setPosition(RectangleEdge.RIGHT);
    legend.setAxisLocation(AxisLocation.BOTTOM_OR_RIGHT);
    legend.setMargin(4, 4, 40, 4);
    legend.setStripWidth(14);
    legend.setFrame(BlockBorder.NONE);
    chart.addSubtitle(legend);
    return chart;
  }

  /**
   * One line per series against step with a shaded band: rows of step, mean, lower, upper.
   *
   * @param series by legend label, in legend order
   */
  static JFreeChart bands(String title, String yLabel, Map<String, double[][]> series) {
    YIntervalSeriesCollection data = new YIntervalSeriesCollection();
    DeviationRenderer renderer = new DeviationRenderer(true, true);
    for (Map.Entry<String, double[][]> s : series.entrySet()) {
      YIntervalSeries line = new YIntervalSeries(s.getKey(), false, true);
      for (double[] r : s.getValue()) {
        line.add(r[0], r[1], r[2], r[3]);
      }
      int i = data.getSeriesCount();
      data.addSeries(line);
      Color c = RunColors.palette(i);
      renderer.setSeriesPaint(i, c);
      renderer.setSeriesFillPaint(i, c);
      renderer.setSeriesStroke(i, new BasicStroke(1.8f));
    }
    renderer.setAlpha(0.2f);
    NumberAxis step = new NumberAxis("step");
    step.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    step.setAutoRangeIncludesZero(false);
    NumberAxis y = new NumberAxis(yLabel);
    y.setAutoRangeIncludesZero(false);
    XYPlot plot = new XYPlot(data, step, y, renderer);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(new Color(0xE0E0E0));
    plot.setRangeGridlinePaint(new Color(0xE0E0E0));
    plot.setOutlineVisible(false);
    JFreeChart chart = new JFreeChart(title, TITLE, plot, true);
    chart.setBackgroundPaint(Color.WHITE);
    chart.getLegend().setPosition(RectangleEdge.BOTTOM);
    chart.getLegend().setFrame(BlockBorder.NONE);
    return chart;
  }

  /** Red (0) → yellow (0.5) → green (1), linear in between; values outside are clamped. */
  static final class AccuracyScale implements PaintScale {

    private static final Color LOW = new Color(0xD7301F);
    private static final Color MID = new Color(0xFEE08B);
    private static final Color HIGH = new Color(0x1A9850);

    @Override
    public double getLowerBound() {
      return 0;
    }

    @Override
    public double getUpperBound() {
      return 1;
    }

    @Override
    public Paint getPaint(double value) {
      return colour(value);
    }

    /** The colour of {@code value}. */
    Color colour(double value) {
      double v = Double.isNaN(value) ? 0 : Math.max(0, Math.min(1, value));
      return v < 0.5 ? mix(LOW, MID, v / 0.5) : mix(MID, HIGH, (v - 0.5) / 0.5);
    }

    /** Black on light cells, white on dark ones. */
    Color textOn(double value) {
      Color c = colour(value);
      double luminance = 0.299 * c.getRed() + 0.587 * c.getGreen() + 0.114 * c.getBlue();
      return luminance > 140 ? Color.BLACK : Color.WHITE;
    }

    private static Color mix(Color a, Color b, double t) {
      return new Color(
          (int) Math.round(a.getRed() + t * (b.getRed() - a.getRed())),
          (int) Math.round(a.getGreen() + t * (b.getGreen() - a.getGreen())),
          (int) Math.round(a.getBlue() + t * (b.getBlue() - a.getBlue())));
    }
  }
}
