// The production build laid out as an installed extension in a scratch folder: the manifest and its
// strings (package.nls.json, l10n/ — without them the workbench shows `%key%` titles), all of dist/
// (the bundles extension.js requires lazily sit beside it) and media/.
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot, type ProductionBuild } from './bundle';

/** `manifest` is merged over package.json (e.g. another `main`). Returns the folder. */
export function scratchExtension(build: ProductionBuild, prefix: string, manifest: Record<string, unknown> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const own = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as Record<string, unknown>;
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ ...own, ...manifest }, null, 2));
  cpSync(join(repoRoot, 'package.nls.json'), join(dir, 'package.nls.json'));
  if (existsSync(join(repoRoot, 'l10n'))) cpSync(join(repoRoot, 'l10n'), join(dir, 'l10n'), { recursive: true });
  cpSync(build.distDir, join(dir, 'dist'), { recursive: true });
  cpSync(join(build.dir, 'media'), join(dir, 'media'), { recursive: true });
  return dir;
}
