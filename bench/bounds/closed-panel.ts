// Figure 7, cancellation: an Analytics panel closed while its data loads. The panel's requests go
// through the host's handler with the panel's lifetime signal, as AnalyticsPanel wires it; closing
// the panel aborts that signal. Two moments: while page requests are on the wire (each answer takes
// 500 ms), and while the HTTP client sleeps before a retry (503, Retry-After: 30). Counted: vendor
// requests the emulator receives after the close, once every aborted call has ended.
import '../vscode/register';
import { answerRequest } from '../../src/panel/handler';
import type { PanelScope } from '../../src/panel/protocol-data';
import type { Emulator } from '../../test/emulator/server';
import type { Fault } from '../../test/emulator/faults';
import { exactly, figure, type Figure } from '../lib/figure';
import { createKeyscope } from '../lib/keyscope';
import { benchPanelContext } from '../lib/panel-context';
import { median } from '../lib/stats';

const SECTION = '7 bounds';
const RUNS = 3;

interface Moment {
  label: string;
  fault: Fault;
  /** Requests the panel has made when it is closed. */
  closeAfter: number;
}

const MOMENTS: Moment[] = [
  { label: 'pages on the wire', fault: { kind: 'latency', ms: 500 }, closeAfter: 3 },
  { label: 'a retry sleep (503, Retry-After: 30)', fault: { kind: 'status', status: 503, retryAfter: '30' }, closeAfter: 3 },
];

async function until(check: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

async function closeMidLoad(emulator: Emulator, moment: Moment): Promise<{ after: number; settleMs: number; before: number }> {
  // Retries as shipped (3, Retry-After up to 60 s honoured): the 30 s sleep is one the panel would sit out.
  let sleeping = 0;
  const keyscope = await createKeyscope(emulator.config, { http: { onRetry: () => (sleeping += 1) } });
  const productId = emulator.cryptolens.data.summaries[0]?.productId ?? 0;
  const scope: PanelScope = { vendor: 'cryptolens', productId };
  const lifetime = new AbortController();
  const context = benchPanelContext(keyscope, scope, lifetime.signal);
  try {
    emulator.faults.clear();
    emulator.faults.add({ vendor: 'cryptolens', fault: moment.fault });
    emulator.requests.clear();
    const loading = answerRequest(context, { kind: 'request', id: 1, method: 'cryptolens.product', params: {} }).catch(() => undefined);
    await until(() => emulator.requests.count({ vendor: 'cryptolens' }) >= moment.closeAfter, 'the panel to ask');
    // For the retry moment: all three calls were answered 503 and sleep before their retries.
    if (moment.fault.kind === 'status') await until(() => sleeping >= moment.closeAfter, 'the retry sleeps');
    const before = emulator.requests.count({ vendor: 'cryptolens' });
    const closed = performance.now();
    lifetime.abort();
    await loading;
    await keyscope.usage.settled();
    const settleMs = performance.now() - closed;
    return { after: emulator.requests.count({ vendor: 'cryptolens' }) - before, settleMs, before };
  } finally {
    emulator.faults.clear();
    await keyscope.close();
  }
}

export async function closedPanelFigures(emulator: Emulator): Promise<Figure[]> {
  const figures: Figure[] = [];
  for (const moment of MOMENTS) {
    const runs: Array<{ after: number; settleMs: number; before: number }> = [];
    for (let run = 0; run < RUNS; run++) runs.push(await closeMidLoad(emulator, moment));
    figures.push(
      figure({
        section: SECTION,
        name: `requests after closing a Cryptolens product panel mid-load, during ${moment.label}`,
        value: Math.max(...runs.map((run) => run.after)),
        unit: 'req',
        budget: exactly(0, '= 0'),
        note: `worst of ${RUNS} runs; the panel had made ${runs.map((run) => run.before).join('/')} requests (first summary, device and key-list pages) when closed; its calls all ended ${runs.map((run) => run.settleMs.toFixed(0)).join('/')} ms after the close`,
        samples: runs.map((run) => run.after),
      }),
      figure({
        section: SECTION,
        name: `… close to every aborted call ended (${moment.label})`,
        value: median(runs.map((run) => run.settleMs)),
        unit: 'ms',
        samples: runs.map((run) => run.settleMs),
      }),
    );
  }
  return figures;
}
