// Bundles the extension host (CommonJS, `vscode` external), its lazily required parts (dist/http.js:
// undici) and the webview (browser IIFE).
import { rm } from 'node:fs/promises';
import { build } from 'esbuild';
import { LAZY_BUNDLES, lazyBundles } from './lazy-bundles.mjs';

const production = process.argv.includes('--production');
const common = { bundle: true, minify: production, sourcemap: !production, logLevel: 'warning' };
// Packages' ES module builds first: jsonc-parser's UMD build requires files a bundle does not hold.
const host = { ...common, platform: 'node', target: 'node20', format: 'cjs', external: ['vscode'], mainFields: ['module', 'main'] };

// A production build has no maps; drop any a development build left, so none is packaged.
const maps = ['dist/extension.js.map', ...LAZY_BUNDLES.map((bundle) => `${bundle.outfile}.map`), 'media/webview.js.map', 'media/webview.css.map'];
if (production) await Promise.all(maps.map((map) => rm(map, { force: true })));

await Promise.all([
  build({ ...host, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', plugins: [lazyBundles] }),
  ...LAZY_BUNDLES.map((bundle) => build({ ...host, entryPoints: [bundle.entry], outfile: bundle.outfile })),
  build({
    ...common,
    entryPoints: ['webview/main.ts'],
    outfile: 'media/webview.js',
    platform: 'browser',
    target: 'es2022',
    format: 'iife',
  }),
]);
