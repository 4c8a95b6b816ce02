// Activation in the real extension host: code-server (VS Code 1.100) in headless Chromium, loading a
// scratch copy of the extension whose `main` is a thin wrapper around the production bundle. The
// wrapper times require() of the bundle and activate() from its start until its promise resolves,
// and appends one line per activation; every page reload starts a new extension host, so one
// code-server gives several cold activations.
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchHost } from '../../test/host/launcher';
import { waitFor } from '../../test/host/timeout';
import { workbenchUrl } from '../../test/host/workbench-url';
import { type ProductionBuild } from '../lib/bundle';
import { scratchExtension } from '../lib/scratch-extension';
import type { ActivationSample } from './inprocess-child';

const LOG_VARIABLE = 'KEYSCOPE_BENCH_ACTIVATION_LOG';

// Plain CommonJS, loaded by the extension host as the extension's main.
const WRAPPER = `'use strict';
const { appendFileSync } = require('node:fs');
const loadStarted = performance.now();
const extension = require('./dist/extension.js');
const loadMs = performance.now() - loadStarted;
exports.activate = async function activate(context) {
  const started = performance.now();
  const pending = extension.activate(context);
  const syncMs = performance.now() - started;
  const result = await pending;
  const activateMs = performance.now() - started;
  const log = process.env.${LOG_VARIABLE};
  if (log) appendFileSync(log, JSON.stringify({ loadMs, syncMs, activateMs }) + '\\n');
  return result;
};
exports.deactivate = function deactivate() {
  return extension.deactivate && extension.deactivate();
};
`;

/** A copy of the extension (manifest, production bundle, media) whose main is the timing wrapper. */
function activationExtension(build: ProductionBuild): string {
  const dir = scratchExtension(build, 'keyscope-bench-ext-', { main: './bench-activation.js' });
  writeFileSync(join(dir, 'bench-activation.js'), WRAPPER);
  return dir;
}

function readSamples(log: string): ActivationSample[] {
  if (!existsSync(log)) return [];
  return readFileSync(log, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as ActivationSample);
}

/** `activations` cold activations in one code-server: the first load, then a page reload each. */
export async function measureHostActivation(build: ProductionBuild, activations: number): Promise<ActivationSample[]> {
  const extensionDir = activationExtension(build);
  const log = join(extensionDir, 'activations.jsonl');
  const host = await launchHost({ env: () => ({ [LOG_VARIABLE]: log }) });
  try {
    const url = workbenchUrl(host.server.origin, host.profile.workspaceDir, { extensionDevelopmentPath: extensionDir });
    await host.page.goto(url);
    for (let count = 1; count <= activations; count++) {
      await waitFor(`activation ${count} in code-server`, () => (readSamples(log).length >= count ? true : undefined), 90_000, 100);
      if (count < activations) await host.page.reload();
    }
    return readSamples(log).slice(0, activations);
  } finally {
    await host.dispose();
    rmSync(extensionDir, { recursive: true, force: true });
  }
}
