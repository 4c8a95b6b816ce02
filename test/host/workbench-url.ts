// Workbench URLs served by code-server: plain, or with the `payload` that VS Code's web embedder
// turns into extension development / extension test options.

export interface ExtensionDevelopment {
  /** Absolute path on this machine of the extension's folder (the one holding its package.json). */
  extensionDevelopmentPath: string;
  /** Absolute path of the compiled test entry module exporting run(); omitted for a dev session. */
  extensionTestsPath?: string;
}

export function workbenchUrl(origin: string, folder: string, development?: ExtensionDevelopment): string {
  const url = new URL(origin);
  url.searchParams.set('folder', folder);
  if (development) {
    const remote = (path: string): string => `vscode-remote://${url.host}${path}`;
    const payload: [string, string][] = [['extensionDevelopmentPath', remote(development.extensionDevelopmentPath)]];
    if (development.extensionTestsPath) payload.push(['extensionTestsPath', remote(development.extensionTestsPath)]);
    url.searchParams.set('payload', JSON.stringify(payload));
  }
  return url.toString();
}
