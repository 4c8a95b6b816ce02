// Modules the host bundle loads lazily, each built as a bundle of its own beside dist/extension.js,
// so activation reads and compiles only what it runs. The host bundle's `require('./undici')` in
// src/http/load-undici.ts becomes `require('./http.js')`, resolved next to dist/extension.js at run time.
import { basename, resolve } from 'node:path';

export const LAZY_BUNDLES = [{ entry: 'src/http/undici.ts', outfile: 'dist/http.js' }];

const withoutExtension = (path) => path.replace(/\.ts$/, '');

/** @type {import('esbuild').Plugin} */
export const lazyBundles = {
  name: 'lazy-bundles',
  setup(build) {
    build.onResolve({ filter: /^\./ }, (args) => {
      const target = withoutExtension(resolve(args.resolveDir, args.path));
      const lazy = LAZY_BUNDLES.find((bundle) => withoutExtension(resolve(bundle.entry)) === target);
      if (!lazy) return undefined;
      // A static import would load the bundle at activation anyway: only require() defers it.
      if (args.kind !== 'require-call') {
        return { errors: [{ text: `${lazy.entry} is a lazy bundle (${lazy.outfile}): require() it on first use, do not import it` }] };
      }
      return { path: `./${basename(lazy.outfile)}`, external: true };
    });
  },
};
