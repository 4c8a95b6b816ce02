// Figure 1: activation time, in the real extension host and in-process for comparison (the bundles
// are in bundles.ts).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compileScript, type ProductionBuild } from '../lib/bundle';
import { runChild } from '../lib/child';
import { atMost, figure, type Figure } from '../lib/figure';
import { median } from '../lib/stats';
import { hostAvailable, hostDescription } from '../lib/host';
import type { ActivationSample, InProcessInput } from './inprocess-child';

const HOST_ACTIVATIONS = 5;
const IN_PROCESS_ACTIVATIONS = 7;
const SECTION = '1 activation';

export async function activationFigures(build: ProductionBuild): Promise<Figure[]> {
  const figures: Figure[] = [];
  const scratch = mkdtempSync(join(tmpdir(), 'keyscope-bench-activation-'));
  try {
    const child = join(scratch, 'inprocess-child.js');
    await compileScript(join(__dirname, 'inprocess-child.ts'), child);
    const input: InProcessInput = { bundle: build.hostBundle, extensionPath: build.dir };
    const inProcess: ActivationSample[] = [];
    for (let run = 0; run < IN_PROCESS_ACTIVATIONS; run++) inProcess.push(await runChild<InProcessInput, ActivationSample>(child, input, { plain: true }));
    if (hostAvailable()) {
      // Loaded only now: it brings playwright-core, which only the test host installs.
      const { measureHostActivation } = await import('./host.js');
      const host = await measureHostActivation(build, HOST_ACTIVATIONS);
      figures.push(
        figure({
          section: SECTION,
          name: 'activate() start to return, code-server extension host',
          value: median(host.map((sample) => sample.activateMs)),
          unit: 'ms',
          budget: atMost(15, 'ms'),
          note: `real ${hostDescription()} extension host, production bundle, ${host.length} cold activations (page reloads), median; synchronous part ${median(host.map((sample) => sample.syncMs)).toFixed(2)} ms`,
          samples: host.map((sample) => sample.activateMs),
        }),
        figure({
          section: SECTION,
          name: 'require() of the host bundle, code-server extension host',
          value: median(host.map((sample) => sample.loadMs)),
          unit: 'ms',
          note: 'before activate() is called: reading, compiling and running the bundle top level',
          samples: host.map((sample) => sample.loadMs),
        }),
      );
    }
    figures.push(
      figure({
        section: SECTION,
        name: 'activate() start to return, plain Node + vscode stub',
        value: median(inProcess.map((sample) => sample.activateMs)),
        unit: 'ms',
        ...(hostAvailable() ? {} : { budget: atMost(15, 'ms') }),
        note: `${IN_PROCESS_ACTIVATIONS} fresh processes, median; the stub's API calls cost ~nothing, so this is Keyscope's own work${hostAvailable() ? '' : ' (code-server not installed: `npm run host:install` for the real-host figure)'}`,
        samples: inProcess.map((sample) => sample.activateMs),
      }),
      figure({
        section: SECTION,
        name: 'require() of the host bundle, plain Node',
        value: median(inProcess.map((sample) => sample.loadMs)),
        unit: 'ms',
        samples: inProcess.map((sample) => sample.loadMs),
      }),
    );
    return figures;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
