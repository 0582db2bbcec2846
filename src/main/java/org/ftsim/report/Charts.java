package org.ftsim.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Rectangle2D;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.SeriesRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/** The report's kinds of JFreeChart chart, in one plain style. */
final class Charts {

  /** Colour of the honest workers' norms. */
  static final Color HONEST = new Color(0x4E79A7);

  /** Colour of the faulty workers' norms. */
  static final Color FAULTY = new Color(0xE15759);

  /** Colours of the phases of a correction run: normal, replica, corrected. */
  static final Map<String, Color> PHASES =
      Map.of(
          "normal", new Color(0x9A9A9A),
          "replica", new Color(0xF28E2B),
          "corrected", new Color(0x59A14F));

  private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 14);

  /** How a y axis is scaled. */
  enum Scale {
    /** Linear, fitted to the data. */
    LINEAR,
    /** Linear from zero: for errors, whose distance from zero is the point. */
    FROM_ZERO,
    /** Logarithmic: for losses and norms that span decades. */
    LOG
  }

  private Charts() {}

  /**
   * One line per run against step: the named runs in their colours and legend labels, the others
   * thin and grey behind them under one legend entry.
   *
   * @param lines each run's points, by run id, in run order
   * @param labels the legend label of each run
   * @param scale the y axis (on a log scale, points ≤ 0 are left out)
   * @param shapes whether to mark the points (for curves of few points)
   */
  static JFreeChart runLines(
      String title,
      String yLabel,
      Map<String, double[][]> lines,
      Map<String, String> labels,
      RunColors colours,
      Scale scale,
      boolean shapes) {
    boolean logY = scale == Scale.LOG;
    XYSeriesCollection data = new XYSeriesCollection();
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, shapes);
    // Grey runs first, so that the named runs are drawn over them.
    long others = lines.keySet().stream().filter(id -> !colours.isColoured(id)).count();
    int greys = 0;
    for (Map.Entry<String, double[][]> line : lines.entrySet()) {
      if (!colours.isColoured(line.getKey())) {
        int i = data.getSeriesCount();
        String key =
            greys > 0
                ? "other " + line.getKey()
                : others + (others == 1 ? " other run" : " other runs");
        data.addSeries(series(key, line.getValue(), logY));
        renderer.setSeriesPaint(i, RunColors.OTHER);
        renderer.setSeriesStroke(i, new BasicStroke(0.8f));
        renderer.setSeriesShapesVisible(i, false);
        renderer.setSeriesVisibleInLegend(i, greys++ == 0);
      }
    }
    for (Map.Entry<String, double[][]> line : lines.entrySet()) {
      if (colours.isColoured(line.getKey())) {
        int i = data.getSeriesCount();
        data.addSeries(series(labels.get(line.getKey()), line.getValue(), logY));
        renderer.setSeriesPaint(i, colours.of(line.getKey()));
        renderer.setSeriesStroke(i, new BasicStroke(1.8f));
        renderer.setSeriesShape(i, new Rectangle2D.Double(-2.5, -2.5, 5, 5));
      }
    }
    XYPlot plot = new XYPlot(data, stepAxis(), yAxis(yLabel, scale), renderer);
    plot.setSeriesRenderingOrder(SeriesRenderingOrder.FORWARD);
    return chart(title, plot);
  }

  /**
   * One line per series against a numeric x axis, each in its own colour, its points marked: for
   * curves of a few points over something other than step (a study's coverages).
   *
   * @param lines each series' (x, y) points, by legend label, in legend order
   * @param scale the y axis (on a log scale, points ≤ 0 are left out)
   */
  static JFreeChart lines(
      String title, String xLabel, String yLabel, Map<String, double[][]> lines, Scale scale) {
    XYSeriesCollection data = new XYSeriesCollection();
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
    for (Map.Entry<String, double[][]> line : lines.entrySet()) {
      int i = data.getSeriesCount();
      data.addSeries(series(line.getKey(), line.getValue(), scale == Scale.LOG));
      renderer.setSeriesPaint(i, RunColors.palette(i));
      renderer.setSeriesStroke(i, new BasicStroke(1.8f));
      renderer.setSeriesShape(i, new Rectangle2D.Double(-2.5, -2.5, 5, 5));
    }
    NumberAxis x = new NumberAxis(xLabel);
    x.setAutoRangeIncludesZero(false);
    return chart(title, new XYPlot(data, x, yAxis(yLabel, scale), renderer));
  }

  /**
   * Honest against faulty workers' gradient norms of one run: the median as a line, the 10th–90th
   * percentile as a band, on a logarithmic axis.
   *
   * @param bands by kind ("honest", "faulty"): rows of step, p10, p50, p90
   */
  static JFreeChart normBands(String title, Map<String, double[][]> bands) {
    YIntervalSeriesCollection data = new YIntervalSeriesCollection();
    DeviationRenderer renderer = new DeviationRenderer(true, false);
    for (String kind : List.of("honest", "faulty")) {
      double[][] rows = bands.get(kind);
      if (rows == null) {
        continue;
      }
      YIntervalSeries s = new YIntervalSeries(kind + " workers (median, 10–90%)", false, true);
      for (double[] r : rows) {
        if (r[1] > 0 && r[2] > 0 && r[3] > 0) {
          s.add(r[0], r[2], r[1], r[3]);
        }
      }
      int i = data.getSeriesCount();
      data.addSeries(s);
      Color c = kind.equals("honest") ? HONEST : FAULTY;
      renderer.setSeriesPaint(i, c);
      renderer.setSeriesFillPaint(i, c);
      renderer.setSeriesStroke(i, new BasicStroke(1.5f));
    }
    renderer.setAlpha(0.25f);
    return chart(title, new XYPlot(data, stepAxis(), yAxis("gradient norm", Scale.LOG), renderer));
  }

  /**
   * k at every step of one run, each point coloured by the step's phase.
   *
   * @param points by phase: rows of step, k
   * @param workers n, the top of the k axis
   */
  static JFreeChart phases(String title, Map<String, double[][]> points, int workers) {
    XYSeriesCollection data = new XYSeriesCollection();
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
    for (String phase : List.of("normal", "replica", "corrected")) {
      if (points.containsKey(phase)) {
        int i = data.getSeriesCount();
        data.addSeries(series(phase, points.get(phase), false));
        renderer.setSeriesPaint(i, PHASES.get(phase));
        renderer.setSeriesShape(i, new Rectangle2D.Double(-2, -2, 4, 4));
      }
    }
    NumberAxis k = new NumberAxis("k (gradients aggregated)");
    k.setRange(0, workers + 1);
    k.setTickUnit(new NumberTickUnit(Math.max(1, (workers + 1) / 8)));
    return chart(title, new XYPlot(data, stepAxis(), k, renderer));
  }

  private static XYSeries series(String key, double[][] points, boolean logY) {
    XYSeries s = new XYSeries(key, false, true);
    for (double[] p : points) {
      if (Double.isFinite(p[1]) && (!logY || p[1] > 0)) {
        s.add(p[0], p[1], false);
      }
    }
    return s;
  }

  private static NumberAxis stepAxis() {
    NumberAxis step = new NumberAxis("step");
    step.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    step.setAutoRangeIncludesZero(false);
    return step;
  }

  private static ValueAxis yAxis(String label, Scale scale) {
    if (scale == Scale.LOG) {
      LogAxis axis = new LogAxis(label + " (log scale)");
      axis.setSmallestValue(1e-12);
      axis.setNumberFormatOverride(new ThreeDigits());
      return axis;
    }
    NumberAxis axis = new NumberAxis(label);
    axis.setAutoRangeIncludesZero(scale == Scale.FROM_ZERO);
    return axis;
  }

  private static JFreeChart chart(String title, XYPlot plot) {
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(new Color(0xE0E0E0));
    plot.setRangeGridlinePaint(new Color(0xE0E0E0));
    plot.setOutlineVisible(false);
    JFreeChart chart = new JFreeChart(title, TITLE, plot, true);
    chart.setBackgroundPaint(Color.WHITE);
    LegendTitle legend = chart.getLegend();
    legend.setPosition(RectangleEdge.BOTTOM);
    legend.setFrame(BlockBorder.NONE);
    return chart;
  }

  /** Tick labels of a log axis with three significant digits (0.0316, 2.51, 1.00e-05). */
  static final class ThreeDigits extends NumberFormat {

    private static final long serialVersionUID = 1L;

    @Override
    public StringBuffer format(double number, StringBuffer to, FieldPosition pos) {
      return to.append(String.format(Locale.ROOT, "%.3g", number));
    }

    @Override
    public StringBuffer format(long number, StringBuffer to, FieldPosition pos) {
      return to.append(number);
    }

    /**
     * Reads a number as {@link #format} writes it, from {@code pos}: the longest prefix that is a
     * decimal number. On failure leaves {@code pos}'s index, sets its error index, returns null.
     */
    @Override
    public Number parse(String source, ParsePosition pos) {
      int start = pos.getIndex();
      int end = start;
      while (end < source.length() && "+-0123456789.eE".indexOf(source.charAt(end)) >= 0) {
        end++;
      }
      for (; end > start; end--) {
        try {
          double value = Double.parseDouble(source.substring(start, end));
          pos.setIndex(end);
          return value;
        } catch (NumberFormatException e) {
          // a shorter prefix may still be a number ("2.5e" → 2.5)
        }
      }
      pos.setErrorIndex(start);
      return null;
    }
  }
}
