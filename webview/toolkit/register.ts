// The only place the (archived) @vscode/webview-ui-toolkit is registered. Moving to
// @vscode-elements/elements means changing the files in this folder, nothing else.

let registered: Promise<void> | undefined;

/** Defines the few custom elements the panel uses (once). */
export function registerToolkit(): Promise<void> {
  registered ??= import('./elements').then((elements) => elements.defineElements());
  return registered;
}
