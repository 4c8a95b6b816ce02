// The packaged extension the e2e tests install, rebuilt with `npm run package` when missing or older
// than the sources it is made from.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot, vsixPath } from '../host/paths';

const packagedInputs = ['package.json', 'package.nls.json', '.vscodeignore', 'scripts', 'src', 'webview', 'media'];

function newestChange(path: string): number {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((newest, entry) => Math.max(newest, newestChange(join(path, entry))), stat.mtimeMs);
}

function isCurrent(): boolean {
  if (!existsSync(vsixPath)) return false;
  const packagedAt = statSync(vsixPath).mtimeMs;
  return packagedInputs.every((input) => newestChange(join(repoRoot, input)) <= packagedAt);
}

/** Path of an up-to-date keyscope.vsix at the repo root, or of KEYSCOPE_E2E_VSIX as given (e.g. a release build). */
export function ensureVsix(): string {
  const given = process.env.KEYSCOPE_E2E_VSIX;
  if (given) return given;
  if (isCurrent()) return vsixPath;
  // stdout of a test file is the runner's report channel: tool output goes to stderr.
  process.stderr.write('e2e: packaging the extension (npm run package)…\n');
  const result = spawnSync('npm', ['run', '--silent', 'package'], { cwd: repoRoot, stdio: ['ignore', 2, 2] });
  if (result.status !== 0) throw new Error(`npm run package failed (${result.status ?? result.signal})`);
  if (!existsSync(vsixPath)) throw new Error(`npm run package did not produce ${vsixPath}`);
  return vsixPath;
}
