// Browser side of figures 5 and 8: the webview's own chart module (Chart.js bar chart, as the Unkey view
// draws it) given a year of hourly slices with all nine outcomes; and a year of a Cryptolens product's
// requests per day, shaped and drawn as the "Requests per day" section draws it (two charts). Bundled
// for the browser by bench/chart/chart.ts and timed there through window.keyscopeBench.
import { BarChart, type BarSeries } from '../../webview/charts/bar-chart';
import { loadCharts } from '../../webview/charts/register';
import { aggregate, type Slice } from '../../webview/shape/aggregate';
import { dailyTable, dailyTiles } from '../../webview/shape/activity-tables';
import { FAILURE_COLOR, NEUTRAL_COLOR, OUTCOME_COLORS, OUTCOME_LABELS, SUCCESS_COLOR } from '../../webview/shape/outcomes';
import type { DailyPointRow } from '../../src/panel/protocol-activity';
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

/** A year of days with a weekly cycle; every tenth day without requests (drawn as zero). */
function yearOfDays(): DailyPointRow[] {
  const start = Date.UTC(2024, 0, 1);
  return Array.from({ length: 365 }, (_, index) => {
    const quiet = index % 10 === 9;
    const successful = quiet ? 0 : 800 + ((index * 7919) % 400) + (index % 7 < 5 ? 300 : 0);
    const failed = quiet ? 0 : 20 + ((index * 104729) % 90);
    return {
      date: new Date(start + index * 86_400_000).toISOString().slice(0, 10),
      successful,
      failed,
      total: successful + failed,
      activeKeys: quiet ? 0 : 40 + (index % 13),
      activeDevices: quiet ? 0 : 90 + (index % 29),
      activeCustomers: quiet ? 0 : 30 + (index % 11),
    };
  });
}

const slices = yearOfHours();
const days = yearOfDays();
let current: BarChart[] = [];

function nextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => resolve()));
}

/** As DailySection.show: tiles, the table, then the stacked requests chart and the active chart. */
function drawDays(host: HTMLElement, started: number): ChartTiming {
  dailyTiles(days);
  const table = dailyTable(days);
  const labels = days.map((point) => point.date);
  const requests: BarSeries[] = [
    { key: 'successful', label: 'Successful', color: SUCCESS_COLOR, values: days.map((point) => point.successful) },
    { key: 'failed', label: 'Failed', color: FAILURE_COLOR, values: days.map((point) => point.failed) },
  ];
  const active: BarSeries[] = [
    { key: 'activeKeys', label: 'Active keys', color: NEUTRAL_COLOR, values: days.map((point) => point.activeKeys) },
    { key: 'activeDevices', label: 'Active devices', color: OUTCOME_COLORS.usageExceeded, values: days.map((point) => point.activeDevices) },
    { key: 'activeCustomers', label: 'Active customers', color: OUTCOME_COLORS.rateLimited, values: days.map((point) => point.activeCustomers) },
  ];
  if (table.rows.length !== labels.length) throw new Error('table and chart disagree');
  const shaped = performance.now();
  const requestsChart = new BarChart({ label: 'Stacked bar chart of successful and failed requests per day', horizontal: false, stacked: true });
  const activeChart = new BarChart({ label: 'Bar chart of active keys, devices and customers per day', horizontal: false, stacked: false });
  host.append(requestsChart.element, activeChart.element);
  current = [requestsChart, activeChart];
  requestsChart.render(labels, requests);
  activeChart.render(labels, active);
  return { shapeMs: shaped - started, renderMs: performance.now() - shaped, toFrameMs: 0, bars: labels.length, datasets: requests.length + active.length };
}

async function run(mode: ChartMode): Promise<ChartTiming> {
  await loadCharts();
  for (const chart of current) chart.destroy();
  current = [];
  const host = document.getElementById('host');
  if (!host) throw new Error('no #host element');
  host.replaceChildren();
  await nextFrame();
  const started = performance.now();
  if (mode === 'daily') {
    const timing = drawDays(host, started);
    await nextFrame();
    await nextFrame();
    return { ...timing, toFrameMs: performance.now() - started };
  }
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
  current = [chart];
  chart.render(labels, series);
  const rendered = performance.now();
  await nextFrame();
  await nextFrame();
  const framed = performance.now();
  return { shapeMs: shaped - started, renderMs: rendered - shaped, toFrameMs: framed - started, bars: labels.length, datasets: series.length };
}

(window as unknown as { keyscopeBench: (mode: ChartMode) => Promise<ChartTiming> }).keyscopeBench = run;
