// `npm run bench`: measures what Keyscope costs the editor and the vendors (issue 6), prints a table
// with each figure's budget beside it, and writes bench/results.json. Not part of `npm test`.
// `npm run bench -- --only=1,3` runs some sections only (8: the activity views of issue 14).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startEmulator, type Emulator } from '../test/emulator/server';
import { bundleFigures } from './activation/bundles';
import { activationFigures } from './activation/figures';
import { activityRequestFigures } from './activity/requests';
import { boundsFigures } from './bounds/bounds';
import { hoverFigures } from './hover/hover';
import { productionBuild, type ProductionBuild } from './lib/bundle';
import { hostAvailable } from './lib/host';
import { formatNumber, type Figure } from './lib/figure';
import { describeMachine } from './lib/machine';
import { DEFAULT_SCALE } from './lib/scales';
import { renderNotes, renderTable } from './lib/table';
import { cryptolensPaging } from './paging/cryptolens';
import { unkeyPaging } from './paging/unkey';
import { httpVersusFetch } from './peers/http-vs-fetch';
import { unkeyBundleFigures, unkeyVersusSdk } from './peers/unkey-sdk';

interface Failure {
  part: string;
  error: string;
}

const NO_HOST = 'code-server / Chromium not installed (npm run host:install): skipped';

const only = process.argv.find((arg) => arg.startsWith('--only='))?.slice('--only='.length).split(',');
const wanted = (section: number): boolean => !only || only.includes(String(section));

function say(text: string): void {
  process.stderr.write(`bench: ${text}\n`);
}

async function main(): Promise<void> {
  const started = Date.now();
  const machine = describeMachine();
  say(`${machine.cpuModel}, ${machine.cores} cores, ${machine.memoryGiB} GiB, Node ${machine.node}`);
  const figures: Figure[] = [];
  const failures: Failure[] = [];
  const skipped: string[] = [];
  const part = async (name: string, run: () => Promise<Figure[]>): Promise<void> => {
    const partStarted = Date.now();
    say(`${name}…`);
    try {
      figures.push(...(await run()));
      say(`${name}: done in ${((Date.now() - partStarted) / 1000).toFixed(1)} s`);
    } catch (error) {
      const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
      failures.push({ part: name, error: message });
      say(`${name}: FAILED after ${((Date.now() - partStarted) / 1000).toFixed(1)} s\n${message}`);
    }
  };

  let build: ProductionBuild | undefined;
  let emulator: Emulator | undefined;
  try {
    if (wanted(1) || wanted(2)) {
      await part('production build', async () => {
        build = productionBuild();
        return [];
      });
    }
    const built = (): ProductionBuild => {
      if (!build) throw new Error('the production build failed (see above)');
      return build;
    };
    if (wanted(1)) {
      await part('1 bundles', () => bundleFigures(built()));
      await part('1 activation', () => activationFigures(built()));
    }
    if (wanted(3)) await part('3 paging, Cryptolens', () => cryptolensPaging());
    if (wanted(2) || wanted(3) || wanted(4) || wanted(6) || wanted(7) || wanted(8)) {
      const emulatorStarted = Date.now();
      emulator = await startEmulator({ scale: DEFAULT_SCALE });
      say(`emulator (DEFAULT_SCALE) up in ${((Date.now() - emulatorStarted) / 1000).toFixed(1)} s`);
    }
    const shared = (): Emulator => {
      if (!emulator) throw new Error('no emulator');
      return emulator;
    };
    if (wanted(3)) await part('3 paging, Unkey', () => unkeyPaging(shared()));
    if (wanted(4)) await part('4 hover', () => hoverFigures(shared()));
    if (wanted(7)) await part('7 bounds', () => boundsFigures(shared()));
    if (wanted(8)) await part('8 activity requests', () => activityRequestFigures(shared()));
    if (wanted(6)) {
      await part('6 HTTP layer vs fetch', () => httpVersusFetch(shared()));
      await part('6 Unkey client vs @unkey/api', () => unkeyVersusSdk(shared()));
      await part('6 bundle bytes', () => unkeyBundleFigures());
    }
    if (wanted(2)) {
      await part('2 webview bundle', async () => (await import('./webview/bundle.js')).webviewBundleFigures(built()));
      // The host parts are loaded only when the host is installed: they bring playwright-core.
      if (hostAvailable()) await part('2 panel to first chart', async () => (await import('./webview/panel.js')).panelFigures(built(), shared()));
      else skipped.push(`2 panel to first chart: ${NO_HOST}`);
    }
    await emulator?.close();
    emulator = undefined;
    if (wanted(5) && hostAvailable()) await part('5 chart scale', async () => (await import('./chart/chart.js')).chartFigures());
    else if (wanted(5)) skipped.push(`5 chart scale: ${NO_HOST}`);
    if (wanted(8) && hostAvailable()) await part('8 activity chart', async () => (await import('./chart/chart.js')).dailyChartFigures());
    else if (wanted(8)) skipped.push(`8 activity chart: ${NO_HOST}`);
    if (wanted(1) && !hostAvailable()) skipped.push(`1 activation in code-server: ${NO_HOST}; the in-process figure carries the budget`);
  } finally {
    await emulator?.close();
    build?.dispose();
  }

  figures.sort((a, b) => a.section.localeCompare(b.section, 'en', { numeric: true }));
  const durationMs = Date.now() - started;
  process.stdout.write(`\nKeyscope benchmarks — ${machine.cpuModel}, ${machine.cores} cores, ${machine.memoryGiB} GiB, Node ${machine.node}, ${machine.platform}\n\n`);
  process.stdout.write(`${renderTable(figures)}\n\n${renderNotes(figures)}\n`);
  const over = figures.filter((item) => item.over);
  process.stdout.write(`\n${figures.length} figures, ${over.length} over budget, ${failures.length} parts failed, ${skipped.length} skipped, ${(durationMs / 1000).toFixed(0)} s\n`);
  for (const item of over) process.stdout.write(`OVER ${item.section} ${item.name}: ${formatNumber(item.value)} ${item.unit}, budget ${item.budget?.text ?? ''}\n`);
  for (const failure of failures) process.stdout.write(`FAILED ${failure.part}: ${failure.error.split('\n')[0] ?? ''}\n`);
  for (const text of skipped) process.stdout.write(`SKIPPED ${text}\n`);
  const results = { machine, startedAt: new Date(started).toISOString(), durationMs, figures, overBudget: over.map((item) => `${item.section} ${item.name}`), failures, skipped };
  writeFileSync(join(__dirname, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  process.stdout.write(`results: bench/results.json\n`);
  if (failures.length > 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
