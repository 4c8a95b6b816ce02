// undici, by its package name and public API only. This module is the entry of dist/http.js, a
// bundle of its own (scripts/lazy-bundles.mjs): undici is most of the host code, and activation
// need not compile it. Load it through load-undici.ts, never by importing it.
export { EnvHttpProxyAgent } from 'undici';
