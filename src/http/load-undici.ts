import type * as Undici from './undici';

/**
 * undici, required on first use (the first HttpClient, i.e. the first vendor call). In the build
 * this require is dist/http.js beside dist/extension.js (scripts/lazy-bundles.mjs points it there);
 * under tsx and in test bundles it is ./undici.ts itself.
 */
export function loadUndici(): typeof Undici {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('./undici') as typeof Undici;
}
