// The only place the (archived) @vscode/webview-ui-toolkit is registered. Moving to
// @vscode-elements/elements means changing the files in this folder, nothing else.
// A static import: the webview is one IIFE bundle, so import() loaded nothing later, and esbuild
// wraps a dynamically imported module whole, which pulled in every toolkit component (≈157 KB).
import { defineElements } from './elements';

let registered: Promise<void> | undefined;

/** Defines the few custom elements the panel uses (once). */
export function registerToolkit(): Promise<void> {
  registered ??= Promise.resolve().then(defineElements);
  return registered;
}
