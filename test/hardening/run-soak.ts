// `npm run test:soak` (not part of `npm test`): Keyscope runs 20 minutes against the emulator with the
// Analytics panel open, a Refresh (tree and panel) every 15 s and hovers every 5 s. Passes when the
// extension host's heap at the end is within 20% of its heap after the first minute, no kind of live
// handle (timers, sockets…) keeps growing, and the requests per minute stay flat.
// KEYSCOPE_SOAK_MINUTES shortens or lengthens the run.
import { runAllCleanups } from '../host/cleanup';
import type { HostVitals } from './agent/protocol';
import { chooseProbes } from './probes';
import { Report } from './report';
import { buildForSession, openSession, type Session } from './session';
import { waitForWebview } from './ui';
import type { Probe } from './faults/exercise';
import type { VendorId } from '../../src/vendor-id';

const MINUTES = Number(process.env.KEYSCOPE_SOAK_MINUTES ?? 20);
const TICK_MS = 5_000;
const REFRESH_EVERY = 3;
const MAX_HEAP_GROWTH = 0.2;
/** Handles of one kind may vary by this many (sockets open and close with keep-alive) before it counts as growth. */
const HANDLE_SLACK = 4;

interface Minute {
  minute: number;
  heapUsed: number;
  resources: Record<string, number>;
  requests: number;
}

async function refreshAll(session: Session): Promise<void> {
  await session.agent({ action: 'refresh' });
  await session.agent({ action: 'tree', maxDepth: 3, maxChildren: 3 });
  const { frame } = await waitForWebview(session.host.page, 'the Runtype panel', (text) => text.includes('Total keys'), 30_000);
  await frame.locator('vscode-button', { hasText: /^\s*Refresh\s*$/ }).first().click();
  await waitForWebview(session.host.page, 'the Runtype panel reloaded', (text) => text.includes('Total keys') && !text.includes('Loading…'), 30_000);
}

async function hoverAll(session: Session, probes: Record<VendorId, Probe>): Promise<void> {
  for (const probe of Object.values(probes)) await session.agent({ action: 'hover', ...probe.hover });
}

function growth(first: Minute, last: Minute): string[] {
  const problems: string[] = [];
  const heap = (last.heapUsed - first.heapUsed) / first.heapUsed;
  if (heap > MAX_HEAP_GROWTH) problems.push(`heap grew ${(heap * 100).toFixed(1)}% (${mib(first.heapUsed)} → ${mib(last.heapUsed)})`);
  for (const [kind, count] of Object.entries(last.resources)) {
    const before = first.resources[kind] ?? 0;
    if (count > before + HANDLE_SLACK) problems.push(`${kind} handles grew from ${before} to ${count}`);
  }
  return problems;
}

function flatRequests(minutes: readonly Minute[]): string[] {
  // The first minute holds the start-up loads; from the second on, each minute does the same work.
  const steady = minutes.slice(1).map((minute) => minute.requests);
  if (steady.length < 2) return [];
  const baseline = Math.max(1, steady[0] ?? 1);
  const peak = Math.max(...steady);
  return peak > baseline * 1.5 + 5 ? [`requests per minute rose from ${baseline} to ${peak}: ${steady.join(', ')}`] : [];
}

function mib(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

async function main(): Promise<void> {
  const started = Date.now();
  const report = new Report('soak');
  await buildForSession();
  const session = await openSession({ httpTimeoutMs: 12_000 });
  const minutes: Minute[] = [];
  try {
    await session.setAllTokens();
    const probes = await chooseProbes(session);
    await session.agent({ action: 'openFile', file: probes.runtype.hover.file });
    await session.agent({ action: 'command', command: 'keyscope.openAnalytics', args: [probes.runtype.panel], wait: true });
    session.emulator.requests.clear();
    report.section(`soak: ${MINUTES} minutes, Refresh every ${(TICK_MS * REFRESH_EVERY) / 1000} s, hovers every ${TICK_MS / 1000} s, the Runtype panel open`);
    const end = Date.now() + MINUTES * 60_000;
    let tick = 0;
    let minuteStarted = Date.now();
    while (Date.now() < end) {
      const tickStarted = Date.now();
      if (tick % REFRESH_EVERY === 0) await refreshAll(session);
      await hoverAll(session, probes);
      tick += 1;
      if (Date.now() - minuteStarted >= 60_000) {
        const vitals = await session.agent<HostVitals>({ action: 'vitals', gc: true });
        const minute: Minute = { minute: minutes.length + 1, heapUsed: vitals.heapUsed, resources: vitals.resources, requests: session.emulator.requests.count() };
        session.emulator.requests.clear();
        minutes.push(minute);
        minuteStarted = Date.now();
        report.figure(`minute ${minute.minute}: heap ${mib(minute.heapUsed)}, ${minute.requests} requests, handles ${JSON.stringify(minute.resources)}`);
      }
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, TICK_MS - (Date.now() - tickStarted))));
    }
    const first = minutes[0];
    const last = minutes[minutes.length - 1];
    if (!first || !last || minutes.length < 2) {
      report.check('the soak ran for at least two minutes', ['too short to compare']);
    } else {
      const heapChange = ((last.heapUsed - first.heapUsed) / first.heapUsed) * 100;
      report.check('extension-host heap at the end within 20% of the heap after the first minute; no kind of handle keeps growing', growth(first, last), `${mib(first.heapUsed)} → ${mib(last.heapUsed)} (${heapChange >= 0 ? '+' : ''}${heapChange.toFixed(1)}%)`);
      report.check('requests per minute stay flat (no request storm)', flatRequests(minutes), minutes.map((minute) => minute.requests).join(', '));
      report.figure(`heap growth: ${heapChange.toFixed(1)}% over ${minutes.length} minutes`);
    }
    const unhandled = (await session.agent<HostVitals>({ action: 'vitals', gc: false })).unhandled;
    report.check('no unhandled rejection or exception in the extension host', unhandled);
  } catch (error) {
    report.check('the soak completes', [error instanceof Error ? (error.stack ?? error.message) : String(error)]);
  } finally {
    await session.close();
  }
  report.summary((Date.now() - started) / 1000);
  process.exitCode = report.failed > 0 ? 1 : 0;
}

main()
  .catch((error: unknown) => {
    process.stderr.write(`soak: could not run: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  })
  .finally(() => runAllCleanups());
