// Modules the host bundle loads lazily, each built as a bundle of its own beside dist/extension.js,
// so activation reads and compiles only what it runs. The host bundle's `require('./undici')` in
// src/http/load-undici.ts becomes `require('./http.js')`, resolved next to dist/extension.js at run time.
import { realpathSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const LAZY_BUNDLES = [
  { entry: 'src/http/undici.ts', outfile: 'dist/http.js' },
  { entry: 'src/trust/jsonc.ts', outfile: 'dist/jsonc.js' },
];

// esbuild resolves symlinks (the bench builds in a directory of links to the sources): compare real paths.
const stem = (path) => path.replace(/\.ts$/, '');
const projectRoot = fileURLToPath(new URL('..', import.meta.url));

/** @type {import('esbuild').Plugin} */
export const lazyBundles = {
  name: 'lazy-bundles',
  setup(build) {
    const entries = LAZY_BUNDLES.map((bundle) => ({ ...bundle, stem: stem(realpathSync(resolve(projectRoot, bundle.entry))) }));
    const required = new Set();
    build.onResolve({ filter: /^\./ }, (args) => {
      const target = stem(resolve(args.resolveDir, args.path));
      const lazy = entries.find((entry) => entry.stem === target);
      if (!lazy) return undefined;
      // A static import would load the bundle at activation anyway: only require() defers it.
      if (args.kind !== 'require-call') {
        return { errors: [{ text: `${lazy.entry} is a lazy bundle (${lazy.outfile}): require() it on first use, do not import it` }] };
      }
      required.add(lazy.entry);
      return { path: `./${basename(lazy.outfile)}`, external: true };
    });
    // Unmatched, an entry would be bundled into the host bundle without a word: fail instead.
    build.onEnd((result) => {
      const missed = entries.filter((entry) => !required.has(entry.entry));
      if (result.errors.length === 0 && missed.length > 0) {
        throw new Error(`lazy-bundles: nothing require()s ${missed.map((entry) => entry.entry).join(', ')}; update scripts/lazy-bundles.mjs`);
      }
    });
  },
};
