import * as vscode from 'vscode';
import type { ConfigStore } from '../config';
import { KeyIndex } from '../usage/key-index';
import type { UsageService } from '../usage/usage-service';
import { KeyHoverProvider } from './provider';

/**
 * Registers the key-id hover for documents of every scheme while `keyscope.hover.enabled` is on:
 * turning it off disposes the provider, turning it on registers it again. Dispose the result to
 * remove both the provider and the settings listener.
 */
export function registerHover(usage: UsageService, settings: ConfigStore): vscode.Disposable {
  let shown = false;
  const provider = new KeyHoverProvider(new KeyIndex(usage, () => settings.current), () => {
    if (shown) return;
    shown = true;
    void vscode.commands.executeCommand('setContext', 'keyscope.hoverShown', true);
  });
  let registration: vscode.Disposable | undefined;
  const apply = (): void => {
    const enabled = settings.current.hoverEnabled;
    if (enabled && !registration) {
      registration = vscode.languages.registerHoverProvider({ scheme: '*' }, provider);
    } else if (!enabled && registration) {
      registration.dispose();
      registration = undefined;
    }
  };
  apply();
  const listener = settings.onDidChange(apply);
  return new vscode.Disposable(() => {
    listener.dispose();
    registration?.dispose();
    registration = undefined;
  });
}
