// Compiles the extension and the integration suite for a run in a real extension host.
import { spawnSync } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { build } from 'esbuild';
import { repoRoot } from '../host/paths';

const suiteDir = __dirname;
export const suiteOutDir = join(repoRoot, 'out', 'integration');
export const suiteEntry = join(suiteOutDir, 'index.js');

/** `npm run build`: dist/extension.js, which extensionDevelopmentPath loads. */
export function buildExtension(): void {
  const result = spawnSync('npm', ['run', '--silent', 'build'], { cwd: repoRoot, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`npm run build failed (${result.status ?? result.signal})`);
}

function suiteEntryPoints(): string[] {
  const tests = readdirSync(suiteDir, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.test.ts'));
  return ['index.ts', ...tests].map((file) => join(suiteDir, file));
}

/**
 * One CommonJS file per entry (index + each *.test.ts), helpers bundled in; `vscode` comes from
 * the extension host and mocha from the root node_modules at run time.
 */
export async function buildSuite(): Promise<string> {
  rmSync(suiteOutDir, { recursive: true, force: true });
  await build({
    entryPoints: suiteEntryPoints(),
    outbase: suiteDir,
    outdir: suiteOutDir,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: 'inline',
    external: ['vscode', 'mocha'],
    logLevel: 'warning',
  });
  process.stdout.write(`integration: suite built into ${relative(repoRoot, suiteOutDir)}\n`);
  return suiteEntry;
}
