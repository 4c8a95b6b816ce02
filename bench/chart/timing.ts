// What the chart page (browser) reports to the benchmark (Node): shared by both sides.

/** 'panel' and 'raw': a year of hours (figure 5); 'daily': a year of "Requests per day" (figure 8). */
export type ChartMode = 'panel' | 'raw' | 'daily';

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
