// What the .vsix would hold, as `vsce ls` lists it (the .vscodeignore allowlist applied), with sizes:
// "all shipped JavaScript" counts exactly the .js files a user downloads.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileBytes, repoRoot, type ProductionBuild } from './bundle';

export interface ShippedFile {
  /** Relative to the extension root, e.g. dist/http.js. */
  path: string;
  bytes: number;
}

export function shippedFiles(build: ProductionBuild): ShippedFile[] {
  const vsce = join(repoRoot, 'node_modules', '.bin', 'vsce');
  const result = spawnSync(vsce, ['ls', '--no-dependencies'], { cwd: build.dir, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`vsce ls failed (${result.status ?? result.signal}):\n${result.stderr}`);
  return result.stdout
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((path) => ({ path, bytes: fileBytes(join(build.dir, path)) }));
}
