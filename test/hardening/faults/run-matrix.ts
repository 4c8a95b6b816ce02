// Runs the fault matrix through the running extension: for each vendor and fault, break that vendor,
// Refresh, exercise tree / hover / lookup / panel, check what they said and what the extension did,
// heal the vendor, Refresh once, and check that everything is back.
import { VENDOR_NAMES, type VendorId } from '../../../src/vendor-id';
import type { HostVitals, TreeRow } from '../agent/protocol';
import { keyscopeErrors, type LogTail } from '../logs';
import type { Session } from '../session';
import { exercise, type Observation, type Probe } from './exercise';
import { FAULT_KINDS, MATRIX_TIMEOUT_MS, VENDORS, type FaultKind, type RowResult } from './matrix';

export interface MatrixLogs {
  exthost: LogTail;
  keyscope: LogTail;
}

const MAX_RETRIES = 3;
/** Tree, hover, lookup, panel. */
const SURFACES = 4;
/** Requests per vendor the latency row slows down: the first ones of a Refresh. */
const LATE_REQUESTS = 2;
/** Long enough for a hang to time out, then every retry a 429 with Retry-After: 1 asks for. */
const WAIT_MS = MATRIX_TIMEOUT_MS + 20_000;
/** A 429 without Retry-After cools the vendor down for 10 s (src/usage/cooldown.ts); with margin. */
const COOLDOWN_WAIT_MS = 60_000;

function isRateLimitRow(kind: FaultKind): boolean {
  return kind.fault.kind === 'status' && kind.fault.status === 429;
}

/**
 * After a 429 the vendor is left alone until its cooldown ends, and Refresh respects that (it says
 * so and sends nothing). Waits for the end as the tree shows it: walked again until the vendor's
 * rows hold no "rate limited" error, which happens once the tree may ask the (healed) vendor again.
 */
async function cooldownEnded(session: Session, vendor: VendorId): Promise<void> {
  const deadline = Date.now() + COOLDOWN_WAIT_MS;
  for (;;) {
    const rows = await session.agent<TreeRow[]>({ action: 'tree', maxDepth: 3, maxChildren: 1 });
    const cooling = rows.some((row) => (row.id === vendor || row.id.startsWith(`${vendor}/`)) && row.id.endsWith('/error') && /rate limited/.test(row.label));
    if (!cooling) return;
    if (Date.now() > deadline) throw new Error(`${vendor} still cooling down after ${COOLDOWN_WAIT_MS / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** Problems with a healthy pass: errors anywhere, the vendor's data missing. */
export function healthProblems(observation: Observation, probe: Probe): string[] {
  const name = VENDOR_NAMES[probe.vendor];
  const problems: string[] = [];
  const errors = observation.tree.filter((row) => row.id.endsWith('/error'));
  if (errors.length > 0) problems.push(`tree shows errors: ${errors.map((row) => row.label).join(' | ')}`);
  if (observation.vendorRows.length < 2) problems.push(`tree shows no ${name} data`);
  if (observation.hover.contents.length === 0) problems.push(`no hover for the ${name} key`);
  if (observation.lookupError) problems.push(`lookup failed: ${observation.lookupError}`);
  if (observation.panelError || !probe.panelLoaded.test(observation.panel)) problems.push(`panel did not load: ${observation.panelError ?? observation.panel.slice(0, 120)}`);
  return problems;
}

function failureProblems(observation: Observation, probe: Probe, kind: FaultKind, others: Observation['tree']): string[] {
  const name = VENDOR_NAMES[probe.vendor];
  const cause = kind.cause as RegExp;
  const problems: string[] = [];
  const check = (surface: string, message: string | undefined): void => {
    if (!message) problems.push(`${surface} names no ${name} failure`);
    else if (!message.startsWith(`${name}: `) || !cause.test(message)) problems.push(`${surface} message does not name vendor and cause ${cause}: ${message}`);
  };
  check('tree', observation.treeError);
  check('lookup', observation.lookupError);
  check('panel', observation.panelError);
  // A failing vendor shows no hover rather than a broken one.
  if (observation.hover.contents.some((content) => !content.markdown.includes(name))) problems.push('hover shows something else');
  // The rest of the tree is still there and healthy.
  const otherErrors = others.filter((row) => row.id.endsWith('/error'));
  if (otherErrors.length > 0) problems.push(`other vendors broke too: ${otherErrors.map((row) => row.label).join(' | ')}`);
  return problems;
}

function retryFigures(log: string, vendor: VendorId): { retries: number; maxAttempt: number } {
  const attempts = [...log.matchAll(new RegExp(`${vendor} [^\\n]*?, retry (\\d+) in`, 'g'))].map((match) => Number(match[1]));
  return { retries: attempts.length, maxAttempt: Math.max(0, ...attempts) };
}

async function unhandledSince(session: Session, before: number): Promise<string[]> {
  const vitals = await session.agent<HostVitals>({ action: 'vitals', gc: false });
  return vitals.unhandled.slice(before).filter((entry) => /keyscope|Keyscope/.test(entry) || !/[/\\]extensions[/\\]/.test(entry));
}

export async function runRow(session: Session, probes: Record<VendorId, Probe>, logs: MatrixLogs, vendor: VendorId, kind: FaultKind, healthy: number): Promise<RowResult> {
  const started = Date.now();
  const probe = probes[vendor];
  const { emulator } = session;
  const unhandledBefore = (await session.agent<HostVitals>({ action: 'vitals', gc: false })).unhandled.length;
  logs.exthost.mark();
  logs.keyscope.mark();
  emulator.requests.clear();
  emulator.faults.add({ vendor, fault: kind.fault });
  let problems: string[] = [];
  let observation: Observation | undefined;
  try {
    await session.agent({ action: 'refresh' });
    observation = await exercise(session, probe, WAIT_MS);
    const others = observation.tree.filter((row) => !(row.id === vendor || row.id.startsWith(`${vendor}/`)));
    problems = kind.cause ? failureProblems(observation, probe, kind, others) : healthProblems(observation, probe);
  } catch (error) {
    problems.push(`while faulted: ${error instanceof Error ? error.message : String(error)}`);
  }
  const requests = emulator.requests.count({ vendor });
  emulator.faults.clear();
  // Let the log writers flush the retries before counting them.
  await new Promise((resolve) => setTimeout(resolve, 300));
  const { retries, maxAttempt } = retryFigures(logs.keyscope.since(), vendor);
  if (maxAttempt > MAX_RETRIES) problems.push(`a call was retried ${maxAttempt} times (at most ${MAX_RETRIES})`);
  // No storm: each of the four surfaces may repeat a healthy cycle's calls, no more. (A 429 starts a
  // cooldown every surface shares; these rows' short ones, 1 s and 10 s, may end within the cycle,
  // so the bound stays the same. The unit tests count a long one: one request, then nothing.)
  const calls = requests - retries;
  if (calls > SURFACES * Math.max(healthy, 1)) problems.push(`${calls} calls while faulted: more than ${SURFACES}× a healthy cycle's ${healthy}`);

  // Healed: one Refresh, then everything must work again — once a 429's cooldown has ended.
  try {
    if (isRateLimitRow(kind)) await cooldownEnded(session, vendor);
    await session.agent({ action: 'refresh' });
    const healed = await exercise(session, probe, WAIT_MS, 'refresh');
    problems.push(...healthProblems(healed, probe).map((problem) => `after one Refresh: ${problem}`));
  } catch (error) {
    problems.push(`after one Refresh: ${error instanceof Error ? error.message : String(error)}`);
  }
  const errors = [...keyscopeErrors(logs.exthost.since()), ...(await unhandledSince(session, unhandledBefore))];
  if (errors.length > 0) problems.push(`extension host errors: ${errors.join(' || ').slice(0, 600)}`);
  return {
    vendor,
    kind: kind.name,
    survived: problems.length === 0,
    requests,
    healthyRequests: healthy,
    retries,
    maxRetryAttempt: maxAttempt,
    messages: { tree: observation?.treeError ?? '', lookup: observation?.lookupError ?? '', panel: observation?.panelError ?? '' },
    problems,
    seconds: (Date.now() - started) / 1000,
  };
}

/** Requests one healthy exercise costs per vendor: the yardstick for "bounded retries". */
export async function healthyCycle(session: Session, probes: Record<VendorId, Probe>): Promise<{ requests: Record<VendorId, number>; problems: string[] }> {
  const requests = {} as Record<VendorId, number>;
  const problems: string[] = [];
  for (const vendor of VENDORS) {
    session.emulator.requests.clear();
    await session.agent({ action: 'refresh' });
    const observation = await exercise(session, probes[vendor], WAIT_MS);
    requests[vendor] = session.emulator.requests.count({ vendor });
    problems.push(...healthProblems(observation, probes[vendor]).map((problem) => `${vendor} healthy: ${problem}`));
  }
  return { requests, problems };
}

/**
 * A slow vendor is survived, not reported: all three answer their first requests after 10 s at once
 * (one round instead of three), and every surface must then show data, with no retry and no error.
 */
async function latencyRound(session: Session, probes: Record<VendorId, Probe>, logs: MatrixLogs, kind: FaultKind, healthy: Record<VendorId, number>): Promise<RowResult[]> {
  const started = Date.now();
  const unhandledBefore = (await session.agent<HostVitals>({ action: 'vitals', gc: false })).unhandled.length;
  logs.exthost.mark();
  logs.keyscope.mark();
  session.emulator.requests.clear();
  for (const vendor of VENDORS) session.emulator.faults.add({ vendor, fault: kind.fault, times: LATE_REQUESTS });
  const problems: Record<VendorId, string[]> = { cryptolens: [], unkey: [], runtype: [] };
  try {
    await session.agent({ action: 'refresh' });
    for (const vendor of VENDORS) problems[vendor].push(...healthProblems(await exercise(session, probes[vendor], WAIT_MS), probes[vendor]));
  } catch (error) {
    for (const vendor of VENDORS) problems[vendor].push(`while slow: ${error instanceof Error ? error.message : String(error)}`);
  }
  session.emulator.faults.clear();
  await new Promise((resolve) => setTimeout(resolve, 300));
  const log = logs.keyscope.since();
  const errors = [...keyscopeErrors(logs.exthost.since()), ...(await unhandledSince(session, unhandledBefore))];
  return VENDORS.map((vendor) => {
    const { retries, maxAttempt } = retryFigures(log, vendor);
    const rowProblems = [...problems[vendor], ...(retries > 0 ? [`${retries} retries for a slow answer`] : []), ...(errors.length > 0 ? [`extension host errors: ${errors.join(' || ').slice(0, 600)}`] : [])];
    return {
      vendor,
      kind: kind.name,
      survived: rowProblems.length === 0,
      requests: session.emulator.requests.count({ vendor }),
      healthyRequests: healthy[vendor],
      retries,
      maxRetryAttempt: maxAttempt,
      messages: { tree: '', lookup: '', panel: '' },
      problems: rowProblems,
      seconds: (Date.now() - started) / 1000,
    };
  });
}

export async function runMatrix(
  session: Session,
  probes: Record<VendorId, Probe>,
  logs: MatrixLogs,
  healthy: Record<VendorId, number>,
  onRow: (row: RowResult) => void,
): Promise<RowResult[]> {
  const rows: RowResult[] = [];
  for (const kind of FAULT_KINDS) {
    const results =
      kind.fault.kind === 'latency'
        ? await latencyRound(session, probes, logs, kind, healthy)
        : await sequence(VENDORS.map((vendor) => () => runRow(session, probes, logs, vendor, kind, healthy[vendor])));
    for (const row of results) {
      rows.push(row);
      onRow(row);
    }
  }
  return rows;
}

async function sequence<T>(steps: (() => Promise<T>)[]): Promise<T[]> {
  const results: T[] = [];
  for (const step of steps) results.push(await step());
  return results;
}
