// Figure 1: activation time (real extension host, and in-process for comparison) and the host
// bundle: its size and that it holds no webview code, chart.js or the toolkit.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleBreakdown, compileScript, fileBytes, hostBuildPlugins, readText, repoRoot, type ProductionBuild } from '../lib/bundle';
import { runChild } from '../lib/child';
import { atMost, exactly, figure, type Figure } from '../lib/figure';
import { median } from '../lib/stats';
import { hostAvailable, hostDescription } from '../lib/host';
import type { ActivationSample, InProcessInput } from './inprocess-child';

const KB = 1024;
const HOST_ACTIVATIONS = 5;
const IN_PROCESS_ACTIVATIONS = 7;
const SECTION = '1 activation';

/** What must stay out of the host bundle: the webview's own code and its browser-only packages. */
const FORBIDDEN = [
  { name: 'chart.js', path: /node_modules\/chart\.js\//, text: /Chart\.js v\d/ },
  { name: '@vscode/webview-ui-toolkit', path: /node_modules\/@vscode\/webview-ui-toolkit\//, text: /webview-ui-toolkit|vscode-data-grid/ },
  { name: 'webview/ code', path: /(^|\/)webview\//, text: /acquireVsCodeApi/ },
];

export async function bundleFigures(build: ProductionBuild): Promise<Figure[]> {
  const bytes = fileBytes(build.hostBundle);
  const breakdown = await bundleBreakdown(join(repoRoot, 'src', 'extension.ts'), 'node', await hostBuildPlugins());
  const text = readText(build.hostBundle);
  const found = FORBIDDEN.filter((item) => breakdown.some((input) => item.path.test(input.name)) || item.text.test(text));
  const top = breakdown
    .slice(0, 6)
    .map((input) => `${input.name} ${(input.bytes / KB).toFixed(0)} KB`)
    .join(', ');
  return [
    figure({
      section: SECTION,
      name: 'host bundle dist/extension.js (scripts/build.mjs --production)',
      value: bytes / KB,
      unit: 'KB',
      budget: atMost(400, 'KB'),
      note: `largest parts (minified bytes in output, from an esbuild metafile of the same entry and plugins): ${top}`,
    }),
    figure({
      section: SECTION,
      name: 'host bundle holds chart.js / toolkit / webview code',
      value: found.length,
      unit: found.length === 0 ? '(none)' : `(${found.map((item) => item.name).join(', ')})`,
      budget: exactly(0, '= 0'),
      note: 'checked in the bundle inputs (esbuild metafile) and by grepping the built file',
    }),
  ];
}

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
      const host = await measureHostActivation(build.hostBundle, HOST_ACTIVATIONS);
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
