// Figure 5: a year of hourly slices × 9 outcomes drawn by the webview's chart module in headless
// Chromium (Debian's, driven by playwright-core from test/host), from a page served on loopback.
// Figure 8 (issue 14) takes a year of "Requests per day" on the same page, the same way.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { launchChromium } from '../../test/host/browser';
import { hostAvailable } from '../lib/host';
import { bundleEntry } from '../lib/bundle';
import { atMost, figure, type Figure } from '../lib/figure';
import { median } from '../lib/stats';
import type { ChartMode, ChartTiming } from './timing';

const RUNS = 7;
const SECTION = '5 chart';

const HTML = `<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Keyscope chart bench</title>
<style>body{margin:0;font-family:sans-serif} .chart{position:relative;height:320px;width:1100px}</style>
</head><body><div id="host"></div><script src="/page.js"></script></body></html>`;

function serve(script: string): Promise<Server> {
  const server = createServer((req, res) => {
    if (req.url === '/page.js') {
      res.writeHead(200, { 'content-type': 'text/javascript' });
      res.end(script);
    } else {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(HTML);
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** Runs `measure` against the chart page in headless Chromium: `runs` timings of one mode each call. */
async function withChartPage<T>(use: (measure: (mode: ChartMode) => Promise<ChartTiming[]>) => Promise<T>): Promise<T> {
  if (!hostAvailable()) throw new Error('Chromium or the test host is not installed: npm run host:install');
  const script = (await bundleEntry(`import './${join('bench', 'chart', 'page')}';`, 'browser')).text;
  const server = await serve(script);
  const session = await launchChromium({ viewport: { width: 1200, height: 500 } });
  try {
    const { port } = server.address() as AddressInfo;
    await session.page.goto(`http://127.0.0.1:${port}/`);
    return await use(async (mode) => {
      const runs: ChartTiming[] = [];
      for (let run = 0; run < RUNS; run++) runs.push(await session.page.evaluate((which) => (window as unknown as { keyscopeBench: (mode: ChartMode) => Promise<ChartTiming> }).keyscopeBench(which), mode));
      return runs;
    });
  } finally {
    await session.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

export function chartFigures(): Promise<Figure[]> {
  return withChartPage(async (measure) => {
    const panel = await measure('panel');
    const raw = await measure('raw');
    const bars = panel[0]?.bars ?? 0;
    return [
      figure({
        section: SECTION,
        name: `year of hours (8,760 × 9), as the panel draws it (${bars} bars): aggregate + render`,
        value: median(panel.map((run) => run.shapeMs + run.renderMs)),
        unit: 'ms',
        budget: atMost(300, 'ms'),
        note: `webview/shape/aggregate (${bars} bars of 1 day) + webview/charts/bar-chart render, stacked, 9 datasets, headless Chromium (software GL); ${RUNS} runs, median; first (cold) run ${((panel[0]?.shapeMs ?? 0) + (panel[0]?.renderMs ?? 0)).toFixed(0)} ms; to the second animation frame ${median(panel.map((run) => run.toFrameMs)).toFixed(0)} ms`,
        samples: panel.map((run) => run.shapeMs + run.renderMs),
      }),
      figure({
        section: SECTION,
        name: 'year of hours (8,760 × 9), all 8,760 bars unaggregated: render',
        value: median(raw.map((run) => run.renderMs)),
        unit: 'ms',
        note: `the same chart module given every slice (the panel never does this: it aggregates to ≤ 400 bars); first run ${(raw[0]?.renderMs ?? 0).toFixed(0)} ms; to the second animation frame ${median(raw.map((run) => run.toFrameMs)).toFixed(0)} ms`,
        samples: raw.map((run) => run.renderMs),
      }),
    ];
  });
}

/** Figure 8: a year of a product's requests per day, shaped and drawn as the panel's section draws it. */
export function dailyChartFigures(): Promise<Figure[]> {
  return withChartPage(async (measure) => {
    const daily = await measure('daily');
    const total = (run: ChartTiming): number => run.shapeMs + run.renderMs;
    return [
      figure({
        section: '8 activity',
        name: `Requests per day, a year (${daily[0]?.bars ?? 0} days), as the panel draws it: shape + render`,
        value: median(daily.map(total)),
        unit: 'ms',
        budget: atMost(150, 'ms'),
        note: `webview/shape/activity-tables (tiles, table) + two webview/charts/bar-chart renders as the Requests per day section draws them (successful/failed stacked; active keys, devices, customers), headless Chromium (software GL), the chart-scale method; ${RUNS} runs, median; first (cold) run ${total(daily[0] ?? { shapeMs: 0, renderMs: 0, toFrameMs: 0, bars: 0, datasets: 0 }).toFixed(0)} ms; to the second animation frame ${median(daily.map((run) => run.toFrameMs)).toFixed(0)} ms`,
        samples: daily.map(total),
      }),
    ];
  });
}
