import * as vscode from 'vscode';
import type { KeyscopeConfig } from '../config';
import { KeyIndex } from '../usage/key-index';
import type { UsageService } from '../usage/usage-service';
import { KeyHoverProvider } from './provider';

const SETTING = 'keyscope.hover.enabled';

/**
 * Registers the key-id hover for documents of every scheme while `keyscope.hover.enabled` is on:
 * turning it off disposes the provider, turning it on registers it again. Dispose the result to
 * remove both the provider and the settings listener.
 */
export function registerHover(usage: UsageService, config: () => KeyscopeConfig): vscode.Disposable {
  const provider = new KeyHoverProvider(new KeyIndex(usage, config));
  let registration: vscode.Disposable | undefined;
  const apply = (): void => {
    // Read the setting itself: the `config` snapshot may be refreshed by a listener that runs after this one.
    const enabled = vscode.workspace.getConfiguration().get<boolean>(SETTING, true);
    if (enabled && !registration) {
      registration = vscode.languages.registerHoverProvider({ scheme: '*' }, provider);
    } else if (!enabled && registration) {
      registration.dispose();
      registration = undefined;
    }
  };
  apply();
  const listener = vscode.workspace.onDidChangeConfiguration((event) => {
    if (event.affectsConfiguration(SETTING)) apply();
  });
  return new vscode.Disposable(() => {
    listener.dispose();
    registration?.dispose();
    registration = undefined;
  });
}
