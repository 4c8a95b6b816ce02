// The only place the (archived) @vscode/webview-ui-toolkit is registered. Moving to
// @vscode-elements/elements means changing the files in this folder, nothing else.

let registered: Promise<void> | undefined;

/** Defines the few custom elements the panel uses (once). */
export function registerToolkit(): Promise<void> {
  // import(): the toolkit is an ES module and this project type-checks as CommonJS; esbuild inlines it.
  registered ??= import('./elements.mjs').then((elements) => elements.defineElements());
  return registered;
}
