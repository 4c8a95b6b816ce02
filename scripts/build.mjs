// Bundles the extension host (CommonJS, `vscode` external) and the webview (browser IIFE).
import { rm } from 'node:fs/promises';
import { build } from 'esbuild';
import { trimUndici } from './trim-undici.mjs';

const production = process.argv.includes('--production');
const common = { bundle: true, minify: production, sourcemap: !production, logLevel: 'warning' };

// A production build has no maps; drop any a development build left, so none is packaged.
if (production) await Promise.all(['dist/extension.js.map', 'media/webview.js.map', 'media/webview.css.map'].map((map) => rm(map, { force: true })));

await Promise.all([
  build({
    ...common,
    entryPoints: ['src/extension.ts'],
    outfile: 'dist/extension.js',
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['vscode'],
    // Packages' ES module builds first: jsonc-parser's UMD build requires files a bundle does not hold.
    mainFields: ['module', 'main'],
    plugins: [trimUndici],
  }),
  build({
    ...common,
    entryPoints: ['webview/main.ts'],
    outfile: 'media/webview.js',
    platform: 'browser',
    target: 'es2022',
    format: 'iife',
  }),
]);
