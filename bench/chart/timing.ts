// What the chart page (browser) reports to the benchmark (Node): shared by both sides.

export type ChartMode = 'panel' | 'raw';

export interface ChartTiming {
  /** Aggregation, labels and series (0 for raw). */
  shapeMs: number;
  /** BarChart.render: Chart.js builds and draws the canvas synchronously. */
  renderMs: number;
  /** From the start until two animation frames later: the drawn canvas is on screen. */
  toFrameMs: number;
  bars: number;
  datasets: number;
}
