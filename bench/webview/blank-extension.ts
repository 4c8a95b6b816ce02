// Figure 2's baseline: a throwaway extension, written to a scratch folder by the bench and loaded
// beside Keyscope in the same workbench, whose one command opens a blank webview panel. It has the
// panel's shape and nothing of Keyscope: the same options (scripts on, only media/ loadable, no
// command URIs or forms), the same Content Security Policy (default-src 'none', the script by a
// nonce), one script from media/ through the webview's resource loading, and a page that does
// nothing but post "ready" to the host and mark itself ready (data-bench-ready) for the bench's
// frame poll. Never part of Keyscope's package: it exists only in the bench's throwaway profile.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const BLANK_COMMAND_TITLE = 'Keyscope Bench: Open Blank Webview';

const manifest = {
  name: 'keyscope-bench-blank',
  displayName: 'Keyscope bench: blank webview',
  publisher: 'keyscope-bench',
  version: '0.0.0',
  private: true,
  engines: { vscode: '^1.95.0' },
  main: './extension.js',
  // Activated with the workbench, as Keyscope is: command → ready does not count an activation.
  activationEvents: ['onStartupFinished'],
  contributes: { commands: [{ command: 'keyscopeBench.openBlank', title: 'Open Blank Webview', category: 'Keyscope Bench' }] },
};

const extensionJs = `'use strict';
const vscode = require('vscode');
const { randomBytes } = require('node:crypto');
const nonce = () => randomBytes(16).toString('base64');
exports.activate = (context) => {
  const media = vscode.Uri.joinPath(context.extensionUri, 'media');
  context.subscriptions.push(vscode.commands.registerCommand('keyscopeBench.openBlank', () => {
    const panel = vscode.window.createWebviewPanel('keyscopeBench.blank', 'Blank', { viewColumn: vscode.ViewColumn.Active, preserveFocus: false },
      { enableScripts: true, enableCommandUris: false, enableForms: false, localResourceRoots: [media] });
    panel.webview.onDidReceiveMessage(() => undefined);
    const webview = panel.webview;
    const scriptNonce = nonce();
    const styleNonce = nonce();
    const csp = ["default-src 'none'", "script-src 'nonce-" + scriptNonce + "'", 'style-src ' + webview.cspSource + " 'nonce-" + styleNonce + "'", 'img-src ' + webview.cspSource + ' data:', 'font-src ' + webview.cspSource].join('; ');
    const script = webview.asWebviewUri(vscode.Uri.joinPath(media, 'blank.js')).toString();
    webview.html = '<!DOCTYPE html><html lang="en"><head><meta charset="UTF-8">' +
      '<meta http-equiv="Content-Security-Policy" content="' + csp + '">' +
      '<meta name="viewport" content="width=device-width, initial-scale=1.0"><title>Blank</title></head>' +
      '<body><main id="app"></main><script nonce="' + scriptNonce + '" src="' + script + '"></script></body></html>';
  }));
};
exports.deactivate = () => undefined;
`;

const blankJs = `acquireVsCodeApi().postMessage({ kind: 'ready' });
document.body.setAttribute('data-bench-ready', '');
`;

/** Writes the blank-webview extension into `dir` (an extensions folder's entry). */
export function writeBlankExtension(dir: string): void {
  mkdirSync(join(dir, 'media'), { recursive: true });
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  writeFileSync(join(dir, 'extension.js'), extensionJs);
  writeFileSync(join(dir, 'media', 'blank.js'), blankJs);
}
