// Bundle sizes: a one-line entry bundled and minified by esbuild as the extension is, measured in bytes;
// and the project's own production build, run by its own script in a scratch copy of the tree.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type Plugin } from 'esbuild';

export const repoRoot = resolve(__dirname, '..', '..');

export interface EntryBundle {
  bytes: number;
  /** The bundled code, for checks such as "does it contain chart.js". */
  text: string;
}

/** Bundles `contents` (an entry module resolved from the repo root) for Node, minified, `vscode` external. */
export async function bundleEntry(contents: string, platform: 'node' | 'browser' = 'node'): Promise<EntryBundle> {
  const result = await build({
    stdin: { contents, resolveDir: repoRoot, loader: 'ts', sourcefile: 'bench-entry.ts' },
    bundle: true,
    minify: true,
    write: false,
    platform,
    target: platform === 'node' ? 'node20' : 'es2022',
    format: platform === 'node' ? 'cjs' : 'iife',
    external: ['vscode'],
    logLevel: 'silent',
  });
  const output = result.outputFiles[0];
  if (!output) throw new Error('esbuild wrote nothing');
  return { bytes: output.contents.byteLength, text: output.text };
}

export interface ProductionBuild {
  dir: string;
  /** dist/: the host bundle and the bundles it requires lazily; copy all of it to run the extension. */
  distDir: string;
  /** dist/extension.js, the bundle loaded at activation. */
  hostBundle: string;
  webviewBundle: string;
  dispose(): void;
}

/**
 * `node scripts/build.mjs --production` in a scratch directory that links the sources and
 * node_modules: the same script and inputs, without overwriting dist/ or media/ of the working tree.
 */
export function productionBuild(): ProductionBuild {
  const dir = mkdtempSync(join(tmpdir(), 'keyscope-bench-build-'));
  // .vscodeignore, README.md and LICENSE too: `vsce ls` there lists what the .vsix would hold.
  for (const name of ['src', 'webview', 'node_modules', 'package.json', 'tsconfig.json', 'scripts', '.vscodeignore', 'README.md', 'LICENSE']) {
    symlinkSync(join(repoRoot, name), join(dir, name));
  }
  mkdirSync(join(dir, 'media'));
  cpSync(join(repoRoot, 'media'), join(dir, 'media'), {
    recursive: true,
    filter: (source) => !/webview\.js(\.map)?$/.test(source),
  });
  const result = spawnSync(process.execPath, ['scripts/build.mjs', '--production'], { cwd: dir, encoding: 'utf8' });
  if (result.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`scripts/build.mjs --production failed:\n${result.stderr}`);
  }
  return {
    dir,
    distDir: join(dir, 'dist'),
    hostBundle: join(dir, 'dist', 'extension.js'),
    webviewBundle: join(dir, 'media', 'webview.js'),
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export function fileBytes(path: string): number {
  return statSync(path).size;
}

export function readText(path: string): string {
  return readFileSync(path, 'utf8');
}

/** Compiles a bench script (and what it imports) into one plain CommonJS file, to run without tsx. */
export async function compileScript(entry: string, outfile: string): Promise<void> {
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    // The script's own `import 'vscode'` gets the stub; the bundle it loads asks register.ts's hook.
    alias: { vscode: join(repoRoot, 'bench', 'vscode', 'stub.ts') },
    logLevel: 'warning',
  });
}

/** A bundle the host bundle requires on first use, as scripts/lazy-bundles.mjs lists it. */
export interface LazyBundle {
  entry: string;
  outfile: string;
}

interface LazyBundlesModule {
  LAZY_BUNDLES: LazyBundle[];
  /** Loaded with the host bundle: they count toward what activation loads. */
  SHARED_MODULES: LazyBundle[];
  hostBundles(ownEntry: string): Plugin;
}

/**
 * scripts/lazy-bundles.mjs, which scripts/build.mjs builds with: its plugin keeps the lazily required
 * bundles out of the host bundle, so a breakdown made with it describes the bundle the build makes.
 */
export async function lazyBundles(): Promise<LazyBundlesModule> {
  return (await import(pathToFileURL(join(repoRoot, 'scripts', 'lazy-bundles.mjs')).href)) as LazyBundlesModule;
}

/** Minified bytes per npm package (or source folder) in a bundle, largest first. */
export async function bundleBreakdown(
  entry: string,
  platform: 'node' | 'browser' = 'node',
  plugins: Plugin[] = [],
): Promise<Array<{ name: string; bytes: number }>> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    write: false,
    metafile: true,
    platform,
    target: platform === 'node' ? 'node20' : 'es2022',
    format: platform === 'node' ? 'cjs' : 'iife',
    outdir: 'out',
    external: ['vscode'],
    plugins,
    logLevel: 'silent',
  });
  // A CSS import gives a second output; the script is the one with the entry point.
  const output = Object.values(result.metafile.outputs).find((candidate) => candidate.entryPoint !== undefined);
  const totals = new Map<string, number>();
  for (const [file, info] of Object.entries(output?.inputs ?? {})) {
    const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file)?.[1];
    const name = pkg ?? file.split('/').slice(0, 2).join('/');
    totals.set(name, (totals.get(name) ?? 0) + info.bytesInOutput);
  }
  return [...totals].map(([name, bytes]) => ({ name, bytes })).sort((a, b) => b.bytes - a.bytes);
}

