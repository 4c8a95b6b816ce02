// Figure 2: the time from an Analytics panel's creation to its first chart drawn, in the real
// workbench (code-server in headless Chromium) against the in-process emulator, beside a blank
// webview panel opened in the same workbench (blank-extension.ts) from its creation to its "ready".
// An init script in every frame notes when an element with data-render-ms (set by the view right
// after Chart.js drew) or data-bench-ready (the blank page) first appears (to within 4 ms); a panel's
// creation is the navigation start of the webview's outer iframe, which the workbench creates for a
// new panel. All are absolute browser clock times.
//
// Cold: a fresh browser context (empty HTTP cache, no webview service worker) and a new extension
// host (empty usage cache), one panel opened in it; the blank and Keyscope's panel alternate which
// goes first, COLD_ROUNDS rounds. Warm: one more workbench, each panel opened once, then WARM_OPENS
// of each interleaved (K B, B K, …), closing the editors in between.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { runCommand, selectQuickPick } from '../../test/e2e/quick-input';
import { emulatorSettings } from '../../test/host/emulator-config';
import { launchHost } from '../../test/host/launcher';
import type { BrowserContext, Frame, Page } from '../../test/host/playwright-types';
import { waitFor } from '../../test/host/timeout';
import { workbenchUrl } from '../../test/host/workbench-url';
import type { Emulator } from '../../test/emulator/server';
import type { ProductionBuild } from '../lib/bundle';
import { scratchExtension } from '../lib/scratch-extension';
import { atMost, figure, formatNumber, type Figure } from '../lib/figure';
import { median } from '../lib/stats';
import { BLANK_COMMAND_TITLE, writeBlankExtension } from './blank-extension';

const COLD_ROUNDS = process.env.BENCH_PANEL_TRACE ? 1 : 5;
const WARM_OPENS = process.env.BENCH_PANEL_TRACE ? 2 : 6;
const SECTION = '2 webview';

// VS Code writes the webview's content into its frame with document.open(), which drops any
// MutationObserver set up earlier: the check polls instead (a 4 ms timer and every animation frame).
const INIT_SCRIPT = `(() => {
  if (window.__keyscopeBench) return;
  const marks = (window.__keyscopeBench = { drawn: undefined, origin: performance.timeOrigin });
  const check = () => {
    if (marks.drawn !== undefined) return;
    if (document.querySelector('[data-render-ms], [data-bench-ready]')) {
      marks.drawn = performance.timeOrigin + performance.now();
      clearInterval(timer);
      return;
    }
    requestAnimationFrame(check);
  };
  const timer = setInterval(check, 4);
  check();
})();`;

interface FrameMarks {
  drawn?: number;
  origin: number;
}

type Kind = 'keyscope' | 'blank';

interface Open {
  kind: Kind;
  /** Panel creation (outer webview frame's navigation start) to the first chart drawn (blank: ready). */
  toChartMs: number;
  /** From running the command (before the vendor pick) to the first chart drawn (blank: ready). */
  fromCommandMs: number;
  /** From the vendor picked (Keyscope) or the command chosen (blank) to the first chart drawn (ready). */
  fromPickMs: number;
  /** The content frame's own navigation start to the first chart drawn. */
  fromContentMs: number;
  /** The panel's script fully loaded (resource timing) to the first chart drawn: Keyscope's own part. */
  fromScriptMs: number;
  /** The chart's own render time as the view recorded it (NaN for the blank page). */
  renderMs: number;
  /** Vendor requests the emulator saw during this open. */
  requests: number;
}


async function marksOf(frame: Frame): Promise<FrameMarks | undefined> {
  return frame.evaluate(() => (window as unknown as { __keyscopeBench?: FrameMarks }).__keyscopeBench).catch(() => undefined);
}

/** The frame that drew a chart (or got ready) since `after`, and its parent (the webview's outer frame). */
async function drawnChart(page: Page, after: number): Promise<{ inner: Frame; drawn: number; created: number; content: number } | undefined> {
  for (const frame of page.frames()) {
    const marks = await marksOf(frame);
    if (marks?.drawn === undefined || marks.drawn < after) continue;
    const outer = frame.parentFrame();
    const outerMarks = outer ? await marksOf(outer) : undefined;
    return { inner: frame, drawn: marks.drawn, created: outerMarks?.origin ?? marks.origin, content: marks.origin };
  }
  return undefined;
}

interface CpuProfile {
  nodes: Array<{ id: number; callFrame: { url: string } }>;
  samples: number[];
  timeDeltas: number[];
}

/** CPU time the page spent in media/webview.js itself (self time) during one more, profiled, open. */
async function webviewScriptCpuMs(page: Page, emulator: Emulator): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
    await openOnce(page, emulator, 'keyscope');
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
    const inScript = new Set(profile.nodes.filter((node) => /\/webview\.js(\?|$)/.test(node.callFrame.url)).map((node) => node.id));
    let micros = 0;
    profile.samples.forEach((sample, index) => {
      if (inScript.has(sample)) micros += profile.timeDeltas[index] ?? 0;
    });
    return micros / 1000;
  } finally {
    await cdp.detach();
  }
}

async function openOnce(page: Page, emulator: Emulator, kind: Kind): Promise<Open> {
  emulator.requests.clear();
  const before = await page.evaluate(() => performance.timeOrigin + performance.now());
  if (kind === 'keyscope') {
    await runCommand(page, 'Keyscope: Open Analytics');
    await selectQuickPick(page, 'Unkey');
  } else {
    await runCommand(page, BLANK_COMMAND_TITLE);
  }
  const picked = await page.evaluate(() => performance.timeOrigin + performance.now());
  const found = await waitFor(kind === 'keyscope' ? 'the Analytics panel to draw its first chart' : 'the blank webview to be ready', () => drawnChart(page, before), 60_000, 50);
  const renderMs = Number(await found.inner.evaluate(() => document.querySelector('[data-render-ms]')?.getAttribute('data-render-ms') ?? 'NaN'));
  const scriptLoaded = await found.inner.evaluate(() => {
    const entry = performance.getEntriesByType('resource').find((item) => /(webview|blank)\.js/.test(item.name)) as PerformanceResourceTiming | undefined;
    return entry ? performance.timeOrigin + entry.responseEnd : Number.NaN;
  });
  const marks = await found.inner.evaluate(() => performance.getEntriesByType('mark').filter((mark) => mark.name.startsWith('keyscope:')).map((mark) => ({ name: mark.name, at: performance.timeOrigin + mark.startTime })));
  const contentResources = await found.inner.evaluate(() => performance.getEntriesByType('resource').map((item) => { const r = item as PerformanceResourceTiming; return `${r.name.split('/').pop()} ${r.startTime.toFixed(0)}-${r.responseEnd.toFixed(0)}`; }));
  if (process.env.BENCH_PANEL_TRACE) process.stderr.write(`${kind}: created→content ${(found.content - found.created).toFixed(0)} content→script ${(scriptLoaded - found.content).toFixed(0)} [${contentResources.join(', ')}] ${marks.map((mark) => `${mark.name.slice(9)} +${(mark.at - scriptLoaded).toFixed(0)} @${mark.at.toFixed(0)}`).join(' ')} drawn +${(found.drawn - scriptLoaded).toFixed(0)}\n`);
  await runCommand(page, 'View: Close All Editors');
  return {
    kind,
    toChartMs: found.drawn - found.created,
    fromCommandMs: found.drawn - before,
    fromPickMs: found.drawn - picked,
    fromContentMs: found.drawn - found.content,
    fromScriptMs: found.drawn - scriptLoaded,
    renderMs,
    requests: emulator.requests.count(),
  };
}

/** A new browser context (no HTTP cache, no service worker) with a freshly loaded workbench (a new extension host). */
async function freshWorkbench(contextOf: () => Promise<BrowserContext>, url: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await contextOf();
  try {
    await context.addInitScript({ content: INIT_SCRIPT });
    const page = await context.newPage();
    if (process.env.BENCH_PANEL_TRACE) page.on('console', (message) => { if (/KSHOST|Keyscope panel/.test(message.text())) process.stderr.write(`${message.text().replace(/%c|color: #[0-9a-f]{3,6}/gi, '').trim()} (browser ${Date.now()})\n`); });
    await page.goto(url);
    await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 60_000 });
    await page.locator('.activitybar [aria-label^="Keyscope"]').first().waitFor({ state: 'visible', timeout: 60_000 });
    // Let the workbench finish starting (extension host, activation, restored views) before timing.
    await page.waitForTimeout(3_000);
    return { context, page };
  } catch (error) {
    await context.close();
    throw error;
  }
}

const ms = (value: number): string => `${formatNumber(Math.round(value))} ms`;
const ratioText = (value: number): string => `${value.toFixed(2)}×`;

export async function panelFigures(build: ProductionBuild, emulator: Emulator): Promise<Figure[]> {
  const extensionDir = scratchExtension(build, 'keyscope-bench-panel-');
  const apiId = emulator.config.unkey.apiIds[0] ?? '';
  const host = await launchHost({
    // One API configured: Open Analytics → Unkey opens it without asking which.
    settings: { ...emulatorSettings(emulator.config), 'keyscope.unkey.apiIds': [apiId] },
    env: (profile) => {
      // The blank baseline goes in as an installed extension (this workbench loads one extension
      // under development only), written before code-server starts and scans the folder.
      writeBlankExtension(join(profile.extensionsDir, 'keyscope-bench.keyscope-bench-blank-0.0.0'));
      return { KEYSCOPE_DEMO_TOKENS: JSON.stringify({ unkey: emulator.config.unkey.token }) };
    },
  });
  try {
    const url = workbenchUrl(host.server.origin, host.profile.workspaceDir, { extensionDevelopmentPath: extensionDir });
    const newContext = (): Promise<BrowserContext> => host.browser.browser.newContext({ viewport: { width: 1440, height: 900 } });
    // The launcher's own page would be a second workbench (and extension host): it stays blank.
    await host.page.close();

    const cold: Record<Kind, Open[]> = { keyscope: [], blank: [] };
    for (let round = 0; round < COLD_ROUNDS; round++) {
      const order: Kind[] = round % 2 === 0 ? ['blank', 'keyscope'] : ['keyscope', 'blank'];
      for (const kind of order) {
        const { context, page } = await freshWorkbench(newContext, url);
        try {
          cold[kind].push(await openOnce(page, emulator, kind));
        } finally {
          await context.close();
        }
      }
    }

    const warm: Record<Kind, Open[]> = { keyscope: [], blank: [] };
    const { context, page } = await freshWorkbench(newContext, url);
    let cpuMs: number;
    try {
      await openOnce(page, emulator, 'blank');
      await openOnce(page, emulator, 'keyscope');
      for (let pair = 0; pair < WARM_OPENS; pair++) {
        const order: Kind[] = pair % 2 === 0 ? ['keyscope', 'blank'] : ['blank', 'keyscope'];
        for (const kind of order) warm[kind].push(await openOnce(page, emulator, kind));
      }
      cpuMs = await webviewScriptCpuMs(page, emulator);
    } finally {
      await context.close();
    }

    const pick = (items: Open[], of: (item: Open) => number): number => median(items.map(of));
    const ratios = (keyscope: Open[], blank: Open[]): number[] => keyscope.map((item, index) => item.toChartMs / (blank[index]?.toChartMs ?? Number.NaN));
    const coldRatios = ratios(cold.keyscope, cold.blank);
    const warmRatios = ratios(warm.keyscope, warm.blank);
    const parts = (items: Open[]): string =>
      `vendor requests per open ${pick(items, (item) => item.requests)}; webview.js loaded → chart ${pick(items, (item) => item.fromScriptMs).toFixed(0)} ms (Keyscope's script, protocol round trips, data, Chart.js), of which the chart render ${pick(items, (item) => item.renderMs).toFixed(0)} ms; content frame start → chart ${pick(items, (item) => item.fromContentMs).toFixed(0)} ms; command run → chart ${pick(items, (item) => item.fromCommandMs).toFixed(0)} ms`;
    const blankParts = (items: Open[]): string =>
      `blank.js loaded → ready ${pick(items, (item) => item.fromScriptMs).toFixed(0)} ms; content frame start → ready ${pick(items, (item) => item.fromContentMs).toFixed(0)} ms; command run → ready ${pick(items, (item) => item.fromCommandMs).toFixed(0)} ms`;
    const commandFigure = (label: 'cold' | 'warm', keyscope: Open[], blank: Open[]): Figure => {
      const blankCommand = pick(blank, (item) => item.fromCommandMs);
      return figure({
        section: SECTION,
        name: `command → first chart, ${label}`,
        value: pick(keyscope, (item) => item.fromCommandMs),
        unit: 'ms',
        budget: { comparison: '<=', limit: blankCommand + 1_500, text: `≤ blank ${ms(blankCommand)} + 1,500 ms` },
        note: `"Keyscope: Open Analytics" from the command palette, then "Unkey" in the vendor pick, to the first chart drawn; the blank panel: its command from the palette to ready (no pick); medians of ${keyscope.length} / ${blank.length}; from the click that starts the panel (Keyscope: the vendor picked; blank: the command chosen) ${ms(pick(keyscope, (item) => item.fromPickMs))} / ${ms(pick(blank, (item) => item.fromPickMs))}`,
        samples: keyscope.map((item) => item.fromCommandMs),
      });
    };
    return [
      figure({
        section: SECTION,
        name: 'blank webview: panel creation to ready, cold',
        value: pick(cold.blank, (item) => item.toChartMs),
        unit: 'ms',
        note: `the baseline: a blank webview panel of the same shape (options, CSP, one script from media/) that posts "ready", opened in the same workbench; median of ${cold.blank.length}, each in a fresh browser context and extension host; ${blankParts(cold.blank)}`,
        samples: cold.blank.map((item) => item.toChartMs),
      }),
      figure({
        section: SECTION,
        name: 'blank webview: panel creation to ready, warm',
        value: pick(warm.blank, (item) => item.toChartMs),
        unit: 'ms',
        note: `median of ${warm.blank.length} reopens interleaved with Keyscope's; ${blankParts(warm.blank)}`,
        samples: warm.blank.map((item) => item.toChartMs),
      }),
      figure({
        section: SECTION,
        name: 'panel creation to first chart drawn, cold cache (first open)',
        value: pick(cold.keyscope, (item) => item.toChartMs),
        unit: 'ms',
        note: `Unkey API ${apiId} (DEFAULT_SCALE) in the real workbench (code-server, headless Chromium); creation = the webview's outer frame navigation start; median of ${cold.keyscope.length}, each in a fresh browser context and extension host; ${parts(cold.keyscope)}`,
        samples: cold.keyscope.map((item) => item.toChartMs),
      }),
      figure({
        section: SECTION,
        name: 'panel creation to first chart drawn, warm cache',
        value: pick(warm.keyscope, (item) => item.toChartMs),
        unit: 'ms',
        note: `${warm.keyscope.length} reopens after "Close All Editors", median; ${parts(warm.keyscope)}`,
        samples: warm.keyscope.map((item) => item.toChartMs),
      }),
      figure({
        section: SECTION,
        name: 'panel open / blank webview, cold',
        value: median(coldRatios),
        unit: '×',
        budget: atMost(1.6, '×'),
        note: `creation → first chart over creation → ready, per round (the two in fresh contexts one after the other, order alternating), median of ${coldRatios.length}: ${coldRatios.map(ratioText).join(', ')}; medians ${ms(pick(cold.keyscope, (item) => item.toChartMs))} / ${ms(pick(cold.blank, (item) => item.toChartMs))}`,
        samples: coldRatios,
      }),
      figure({
        section: SECTION,
        name: 'panel open / blank webview, warm',
        value: median(warmRatios),
        unit: '×',
        budget: atMost(1.3, '×'),
        note: `creation → first chart over creation → ready, per interleaved pair in one workbench, median of ${warmRatios.length}: ${warmRatios.map(ratioText).join(', ')}; medians ${ms(pick(warm.keyscope, (item) => item.toChartMs))} / ${ms(pick(warm.blank, (item) => item.toChartMs))}`,
        samples: warmRatios,
      }),
      commandFigure('cold', cold.keyscope, cold.blank),
      commandFigure('warm', warm.keyscope, warm.blank),
      figure({
        section: SECTION,
        name: 'panel: CPU time in webview.js for one open (warm)',
        value: cpuMs,
        unit: 'ms',
        note: 'self time of media/webview.js in a CPU profile (CDP, 0.2 ms sampling) of one extra open; the rest of an open is the workbench, layout and paint, and waiting (the webview service worker, host round trips)',
      }),
      figure({
        section: SECTION,
        name: "panel: webview.js loaded to first chart drawn (Keyscope's part), warm",
        value: pick(warm.keyscope, (item) => item.fromScriptMs),
        unit: 'ms',
        samples: warm.keyscope.map((item) => item.fromScriptMs),
      }),
    ];
  } finally {
    await host.dispose();
    rmSync(extensionDir, { recursive: true, force: true });
  }
}
