// esbuild plugin for the host bundle: leaves out two parts of undici that Keyscope cannot reach.
//
// 1. llhttp is embedded twice (~72 KB of base64 each): a SIMD build, tried first, and the portable
//    build undici falls back to when SIMD is unavailable. Both compile from the same llhttp source and
//    parse identically; SIMD only scans headers faster, which does not show on API-sized responses.
//    The SIMD import is pointed at the portable build, so every platform parses with the build that
//    works on every platform (undici's own path when UNDICI_NO_WASM_SIMD=1).
// 2. undici's fetch body machinery (FormData, Blob, webidl: ~45 KB) is loaded by the HTTP/1 and
//    HTTP/2 clients only to send a FormData body. HttpClient sends strings only; should a FormData
//    body ever reach it, the stub throws rather than sending something else.
import { dirname, join } from 'node:path';

const UNDICI_LIB = /[\\/]node_modules[\\/]undici[\\/]lib[\\/]/;

/** @type {import('esbuild').Plugin} */
export const trimUndici = {
  name: 'trim-undici',
  setup(build) {
    const trimmed = new Set();
    build.onResolve({ filter: /[\\/]llhttp_simd-wasm\.js$/ }, (args) => {
      if (!UNDICI_LIB.test(args.importer)) return undefined;
      trimmed.add('llhttp');
      return { path: join(dirname(args.importer), '..', 'llhttp', 'llhttp-wasm.js') };
    });
    build.onResolve({ filter: /[\\/]web[\\/]fetch[\\/]body\.js$/ }, (args) => {
      if (!UNDICI_LIB.test(args.importer) || !/[\\/]dispatcher[\\/]client-h[12]\.js$/.test(args.importer)) return undefined;
      trimmed.add('body');
      return { path: 'undici-fetch-body', namespace: 'trim-undici' };
    });
    // A new undici layout would make these silently bundle everything again: say so.
    build.onEnd((result) => {
      if (result.errors.length === 0 && trimmed.size < 2) {
        console.warn(`trim-undici: undici's layout changed, nothing trimmed for: ${['llhttp', 'body'].filter((part) => !trimmed.has(part)).join(', ')}`);
      }
    });
    build.onLoad({ filter: /.*/, namespace: 'trim-undici' }, () => ({
      contents:
        "'use strict'\nmodule.exports.extractBody = () => { throw new TypeError('Keyscope sends no FormData bodies (undici fetch body support is not bundled)') }\n",
      loader: 'js',
    }));
  },
};
