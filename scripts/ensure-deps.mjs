// What `npm test` and `npm run demo` need before they start, so that a fresh clone works without a
// separate install step: the root node_modules, then the VS Code host (test/host/install.mjs).
// Node built-ins only, because it runs before node_modules exists. Both steps are quick no-ops once done.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));

function run(command, args, stdio = 'inherit') {
  const result = spawnSync(command, args, { cwd: repoRoot, stdio, encoding: 'utf8' });
  return { ok: result.status === 0, stderr: result.stderr ?? '' };
}

function installRootDeps() {
  console.log('ensure-deps: no node_modules; installing the root dependencies');
  // stderr is held back so that the expected refusal below does not bury the real output in a usage text.
  const ci = run('npm', ['ci'], ['ignore', 'inherit', 'pipe']);
  if (ci.ok) {
    process.stderr.write(ci.stderr);
    return;
  }
  // chdb 3.4.0 names optional platform packages the registry does not have (darwin, linux-arm64), which
  // npm ci reads as a lockfile out of sync; npm install resolves the same locked tree without them, and
  // --no-save leaves package-lock.json as it is.
  console.log('ensure-deps: npm ci refused; installing with npm install --no-save instead. npm ci said:');
  console.log(ci.stderr.split('\n').slice(0, 8).join('\n'));
  if (!run('npm', ['install', '--no-save']).ok) throw new Error('npm install --no-save failed (its output is above)');
}

/** Installs whatever of the two is missing; throws when an install fails (its output is already shown). */
export function ensureDeps() {
  if (!existsSync(join(repoRoot, 'node_modules'))) installRootDeps();
  if (!run(process.execPath, ['test/host/install.mjs']).ok) throw new Error('installing the VS Code host failed (its output is above)');
}
