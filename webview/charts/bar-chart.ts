// A bar chart (vertical or horizontal, stacked or not) drawn by Chart.js in theme colors. The
// canvas is an image to assistive technology; the card's table holds the same numbers.
import * as l10n from '@vscode/l10n';
import type { Chart, ChartConfiguration, ChartDataset, ChartOptions, Scale } from 'chart.js' with { 'resolution-mode': 'import' };
import { h } from '../dom';
import type { ThemeColor } from '../shape/outcomes';
import { cssVariable, themeColor, themeKind } from '../theme';
import { patternFill, patternOf } from './patterns';
import { chartClassOrThrow } from './register';

export interface BarSeries {
  key: string;
  label: string;
  /** One color for the series, or one per bar. */
  color: ThemeColor | readonly ThemeColor[];
  values: number[];
}

export interface BarChartOptions {
  /** Names the chart for screen readers, e.g. "Stacked bar chart of verification outcomes per hour". */
  label: string;
  horizontal: boolean;
  stacked: boolean;
}

const ROW_HEIGHT = 26;
const MAX_LABEL = 28;

export class BarChart {
  readonly element: HTMLElement;
  private readonly canvas: HTMLCanvasElement;
  private chart: Chart<'bar'> | undefined;
  private series: BarSeries[] = [];
  private hidden: ReadonlySet<string> = new Set();

  constructor(private readonly options: BarChartOptions) {
    this.canvas = h('canvas', { attrs: { role: 'img', 'aria-label': l10n.t('{0}. The same data is in the table.', options.label) } });
    this.element = h('div', { className: options.horizontal ? 'chart horizontal' : 'chart', children: [this.canvas] });
  }

  /** Draws (or redraws) the chart; returns how long it took in ms. */
  render(labels: readonly string[], series: BarSeries[], hidden: ReadonlySet<string> = new Set()): number {
    const started = performance.now();
    this.series = series;
    this.hidden = hidden;
    if (this.options.horizontal) this.element.style.height = `${Math.max(120, labels.length * ROW_HEIGHT + 56)}px`;
    const datasets = series.map((item, index) => this.dataset(item, index, hidden.has(item.key)));
    if (this.chart) {
      this.chart.data.labels = [...labels];
      this.chart.data.datasets = datasets;
      this.applyTheme(this.chart);
      this.chart.update('none');
    } else {
      const ChartClass = chartClassOrThrow();
      this.chart = new ChartClass(this.canvas, this.config([...labels], datasets));
    }
    return performance.now() - started;
  }

  /** Re-reads the theme's colors (after a theme change) and redraws. */
  restyle(): void {
    if (!this.chart) return;
    // New dataset objects: Chart.js does not see colors changed on the ones it already resolved.
    this.chart.data.datasets = this.series.map((item, index) => this.dataset(item, index, this.hidden.has(item.key)));
    this.applyTheme(this.chart);
    this.chart.update('none');
  }

  destroy(): void {
    this.chart?.destroy();
    this.chart = undefined;
  }

  private dataset(item: BarSeries, index: number, hidden: boolean): ChartDataset<'bar', number[]> {
    // Several series (stacked outcomes) are told apart by pattern as well as colour; one series with
    // a colour per bar is told apart by its labels.
    const patterned = this.series.length > 1 && !Array.isArray(item.color);
    const color = colorsOf(item);
    const highContrast = themeKind().startsWith('high-contrast');
    return {
      label: item.label,
      data: item.values,
      hidden,
      backgroundColor: patterned && typeof color === 'string' ? patternFill(patternOf(item.key, index), color) : color,
      // High contrast outlines every bar in the theme's contrast border.
      borderWidth: highContrast ? 1 : 0,
      borderColor: cssVariable('--vscode-contrastBorder', cssVariable('--vscode-foreground', '#000000')),
      categoryPercentage: 0.9,
      barPercentage: 0.92,
      maxBarThickness: 40,
      minBarLength: 0,
    };
  }

  private config(labels: string[], datasets: ChartDataset<'bar', number[]>[]): ChartConfiguration<'bar', number[], string> {
    return { type: 'bar', data: { labels, datasets }, options: this.themedOptions() };
  }

  private applyTheme(chart: Chart<'bar'>): void {
    chart.options = this.themedOptions();
  }

  /** Options in the current theme's colors and font; rebuilt whole on every theme change. */
  private themedOptions(): ChartOptions<'bar'> {
    const foreground = cssVariable('--vscode-foreground', '#616161');
    const highContrast = themeKind().startsWith('high-contrast');
    const grid = highContrast ? cssVariable('--vscode-contrastBorder', foreground) : cssVariable('--vscode-charts-lines', 'rgba(128,128,128,0.35)');
    const hover = (name: string, fallback: string): string => cssVariable(`--vscode-editorHoverWidget-${name}`, fallback);
    const { horizontal, stacked } = this.options;
    const valueAxis = { stacked, beginAtZero: true, grid: { color: grid, drawTicks: false }, border: { display: false }, ticks: { color: foreground, precision: 0, padding: 6 } };
    const categoryAxis = {
      stacked,
      grid: { display: false },
      border: { color: grid },
      ticks: {
        color: foreground,
        // Horizontal charts have a row per label: show them all. Time axes thin out their labels.
        autoSkip: !horizontal,
        autoSkipPadding: 16,
        // Time labels are all one width: measuring a few is as good as measuring hundreds, and faster.
        ...(horizontal ? {} : { sampleSize: 24 }),
        maxRotation: 0,
        callback(this: Scale, value: string | number): string {
          return shorten(this.getLabelForValue(Number(value)));
        },
      },
    };
    return {
      indexAxis: horizontal ? 'y' : 'x',
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      normalized: true,
      color: foreground,
      font: { family: cssVariable('--vscode-font-family', 'sans-serif'), size: 12 },
      interaction: { mode: 'index', intersect: false, axis: horizontal ? 'y' : 'x' },
      plugins: {
        legend: { display: false },
        tooltip: {
          filter: (item) => item.raw !== 0,
          backgroundColor: hover('background', '#f3f3f3'),
          titleColor: hover('foreground', foreground),
          bodyColor: hover('foreground', foreground),
          borderColor: hover('border', grid),
          borderWidth: 1,
        },
      },
      scales: horizontal ? { x: valueAxis, y: categoryAxis } : { x: categoryAxis, y: valueAxis },
    };
  }
}

function colorsOf(item: BarSeries): string | string[] {
  return Array.isArray(item.color) ? item.color.map(themeColor) : themeColor(item.color as ThemeColor);
}

function shorten(label: string): string {
  return label.length > MAX_LABEL ? `${label.slice(0, MAX_LABEL - 1)}…` : label;
}
