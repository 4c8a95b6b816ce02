// The host's bundles beside dist/extension.js. Lazy bundles are required on first use, so activation
// reads and compiles only what it runs: `require('./undici')` in src/http/load-undici.ts becomes
// `require('./http.js')`, resolved next to dist/extension.js at run time. Shared modules hold the error
// classes that one bundle throws and another tells apart with instanceof: each exists once, as its
// own file that every bundle requires, so there is one class to compare with.
import { realpathSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const LAZY_BUNDLES = [
  { entry: 'src/http/undici.ts', outfile: 'dist/http.js' },
  { entry: 'src/trust/jsonc.ts', outfile: 'dist/jsonc.js' },
  { entry: 'src/vendors/clients.ts', outfile: 'dist/vendors.js' },
  { entry: 'src/commands/lookup-key.ts', outfile: 'dist/lookup.js' },
];

/** Loaded with the host bundle (they are small); each is imported like any module. */
export const SHARED_MODULES = [
  { entry: 'src/http/errors.ts', outfile: 'dist/errors.js' },
  { entry: 'src/http/missing-permission-error.ts', outfile: 'dist/missing-permission-error.js' },
  { entry: 'src/vendors/unkey/needs-v2-error.ts', outfile: 'dist/needs-v2-error.js' },
  { entry: 'src/vendors/cryptolens/day-range.ts', outfile: 'dist/day-range.js' },
  // The lookup bundle tells these apart from what the usage service throws.
  { entry: 'src/usage/no-token-error.ts', outfile: 'dist/no-token-error.js' },
  { entry: 'src/usage/cancelled.ts', outfile: 'dist/cancelled.js' },
  // @vscode/l10n holds the bundle extension.ts configures it with: every bundle's l10n.t must read that one.
  { entry: 'src/text/l10n.ts', outfile: 'dist/l10n.js', package: '@vscode/l10n' },
];

// esbuild resolves symlinks (the bench builds in a directory of links to the sources): compare real paths.
const stem = (path) => path.replace(/\.ts$/, '');
const projectRoot = fileURLToPath(new URL('..', import.meta.url));
const withStems = (bundles) => bundles.map((bundle) => ({ ...bundle, stem: stem(realpathSync(resolve(projectRoot, bundle.entry))) }));

/**
 * The plugin for the build of `ownEntry` (the host's entry, a lazy bundle's or a shared module's):
 * lazy bundles become require()s of their files, shared modules other than its own become imports of
 * theirs. The host's build also fails when a lazy bundle is imported statically or never required.
 * @param {string} ownEntry
 * @returns {import('esbuild').Plugin}
 */
export function hostBundles(ownEntry) {
  return {
    name: 'host-bundles',
    setup(build) {
      const lazy = withStems(LAZY_BUNDLES);
      const shared = withStems(SHARED_MODULES);
      const own = stem(realpathSync(resolve(projectRoot, ownEntry)));
      const isHost = ownEntry === 'src/extension.ts';
      const required = new Set();
      // A package that is a shared module (imported by its name, as @vscode/l10n must be for the
      // bundle's extraction to see its calls) resolves to that module's file, except in its own build.
      for (const entry of shared.filter((module) => module.package !== undefined && module.stem !== own)) {
        const filter = new RegExp(`^${entry.package.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}$`);
        build.onResolve({ filter }, () => ({ path: `./${basename(entry.outfile)}`, external: true }));
      }
      build.onResolve({ filter: /^\./ }, (args) => {
        const target = stem(resolve(args.resolveDir, args.path));
        if (target === own) return undefined;
        const sharedModule = shared.find((entry) => entry.stem === target);
        if (sharedModule) return { path: `./${basename(sharedModule.outfile)}`, external: true };
        const lazyBundle = lazy.find((entry) => entry.stem === target);
        if (!lazyBundle) return undefined;
        // A static import would load the bundle at activation anyway: only require() defers it.
        if (args.kind !== 'require-call') {
          return { errors: [{ text: `${lazyBundle.entry} is a lazy bundle (${lazyBundle.outfile}): require() it on first use, do not import it` }] };
        }
        required.add(lazyBundle.entry);
        return { path: `./${basename(lazyBundle.outfile)}`, external: true };
      });
      // Unmatched, an entry would be bundled into the host bundle without a word: fail instead.
      build.onEnd((result) => {
        const missed = lazy.filter((entry) => !required.has(entry.entry));
        if (isHost && result.errors.length === 0 && missed.length > 0) {
          throw new Error(`host-bundles: nothing require()s ${missed.map((entry) => entry.entry).join(', ')}; update scripts/lazy-bundles.mjs`);
        }
      });
    },
  };
}
