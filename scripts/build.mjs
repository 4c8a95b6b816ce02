// Bundles the extension host (CommonJS, `vscode` external), its lazily required parts and shared
// modules (scripts/lazy-bundles.mjs) and the webview (browser IIFE).
import { rm } from 'node:fs/promises';
import { build } from 'esbuild';
import { hostBundles, LAZY_BUNDLES, SHARED_MODULES } from './lazy-bundles.mjs';

const production = process.argv.includes('--production');
const common = { bundle: true, minify: production, sourcemap: !production, logLevel: 'warning' };
// Packages' ES module builds first: jsonc-parser's UMD build requires files a bundle does not hold.
const host = { ...common, platform: 'node', target: 'node20', format: 'cjs', external: ['vscode'], mainFields: ['module', 'main'] };

// A production build has no maps; drop any a development build left, so none is packaged.
const parts = [...LAZY_BUNDLES, ...SHARED_MODULES];
const maps = ['media/webview.js.map', 'media/webview.css.map'];
// The packaged dist/ is exactly this build's bundles: nothing left from an earlier one ships.
if (production) await Promise.all([rm('dist', { recursive: true, force: true }), ...maps.map((map) => rm(map, { force: true }))]);

await Promise.all([
  build({ ...host, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', plugins: [hostBundles('src/extension.ts')] }),
  ...parts.map((bundle) => build({ ...host, entryPoints: [bundle.entry], outfile: bundle.outfile, plugins: [hostBundles(bundle.entry)] })),
  build({
    ...common,
    entryPoints: ['webview/main.ts'],
    outfile: 'media/webview.js',
    platform: 'browser',
    target: 'es2022',
    format: 'iife',
  }),
]);
