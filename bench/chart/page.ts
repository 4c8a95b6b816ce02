// Browser side of figure 5: the webview's own chart module (Chart.js bar chart, as the Unkey view
// draws it) given a year of hourly slices with all nine outcomes. Bundled for the browser by
// bench/chart/chart.ts and timed there through window.keyscopeBench.
import { BarChart, type BarSeries } from '../../webview/charts/bar-chart';
import { loadCharts } from '../../webview/charts/register';
import { aggregate, type Slice } from '../../webview/shape/aggregate';
import { OUTCOME_COLORS, OUTCOME_LABELS } from '../../webview/shape/outcomes';
import { sliceLabel } from '../../webview/shape/time';
import { OUTCOMES, type Outcome, type OutcomeCounts } from '../../src/vendors/model';
import type { ChartMode, ChartTiming } from './timing';

const HOUR = 3_600_000;
const SLICES = 8_760;

/** Deterministic counts: a daily cycle, a slow trend, and every outcome non-zero somewhere. */
function yearOfHours(): Slice[] {
  const start = Date.UTC(2024, 0, 1);
  return Array.from({ length: SLICES }, (_, index) => {
    const outcomes = { total: 0 } as OutcomeCounts;
    OUTCOMES.forEach((outcome, rank) => {
      const cycle = 1 + Math.sin(((index % 24) / 24) * 2 * Math.PI);
      const value = Math.round((rank === 0 ? 400 : 40 / rank) * cycle * (1 + index / SLICES) + ((index * 7919 + rank * 104729) % 13));
      outcomes[outcome] = value;
      outcomes.total += value;
    });
    return { time: start + index * HOUR, outcomes };
  });
}

function seriesOf(counts: readonly Record<Outcome, number>[]): BarSeries[] {
  return OUTCOMES.map((outcome) => ({ key: outcome, label: OUTCOME_LABELS[outcome], color: OUTCOME_COLORS[outcome], values: counts.map((row) => row[outcome]) }));
}

const slices = yearOfHours();
let current: BarChart | undefined;

function nextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => resolve()));
}

async function run(mode: ChartMode): Promise<ChartTiming> {
  await loadCharts();
  current?.destroy();
  const host = document.getElementById('host');
  if (!host) throw new Error('no #host element');
  host.replaceChildren();
  await nextFrame();
  const started = performance.now();
  let labels: string[];
  let series: BarSeries[];
  if (mode === 'panel') {
    const { buckets } = aggregate(slices, 'hour');
    labels = buckets.map((bucket) => sliceLabel(bucket.start, 'hour'));
    series = seriesOf(buckets.map((bucket) => bucket.outcomes));
  } else {
    labels = slices.map((slice) => sliceLabel(slice.time, 'hour'));
    series = seriesOf(slices.map((slice) => slice.outcomes));
  }
  const shaped = performance.now();
  const chart = new BarChart({ label: 'Stacked bar chart of verification outcomes per hour', horizontal: false, stacked: true });
  host.append(chart.element);
  current = chart;
  chart.render(labels, series);
  const rendered = performance.now();
  await nextFrame();
  await nextFrame();
  const framed = performance.now();
  return { shapeMs: shaped - started, renderMs: rendered - shaped, toFrameMs: framed - started, bars: labels.length, datasets: series.length };
}

(window as unknown as { keyscopeBench: (mode: ChartMode) => Promise<ChartTiming> }).keyscopeBench = run;
