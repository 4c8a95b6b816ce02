// The open Analytics panels: one per scope (a second open reveals it), the one export acts on, and
// restoring panels after a window reload.
import type * as vscode from 'vscode';
import * as z from 'zod/mini';
import { AnalyticsPanel, createWebviewPanel, type PanelDeps } from './analytics-panel';
import { panelScopeSchema, scopeKey, type PanelScope } from './protocol-data';

/** The part of the webview's saved state the host needs; the rest (its controls) is the webview's. */
const savedStateSchema = z.looseObject({ scope: panelScopeSchema });

export class PanelRegistry implements vscode.Disposable {
  private readonly panels = new Map<string, AnalyticsPanel>();
  private lastActive: AnalyticsPanel | undefined;

  constructor(private readonly deps: Omit<PanelDeps, 'open'>) {}

  /** Opens the panel for `scope`, or reveals it when it is already open. */
  open(scope: PanelScope): AnalyticsPanel {
    const existing = this.panels.get(scopeKey(scope));
    if (existing) {
      existing.reveal();
      this.lastActive = existing;
      return existing;
    }
    return this.adopt(createWebviewPanel(this.deps.extensionUri, scope), scope, true);
  }

  /** A panel VS Code kept across a window reload, with the state its webview saved. */
  restore(panel: vscode.WebviewPanel, state: unknown): void {
    const parsed = z.safeParse(savedStateSchema, state);
    if (!parsed.success) {
      this.deps.log.warn('Analytics panel: could not restore a panel whose saved state is not valid');
      panel.dispose();
      return;
    }
    if (this.panels.has(scopeKey(parsed.data.scope))) {
      panel.dispose();
      return;
    }
    this.adopt(panel, parsed.data.scope);
  }

  /** The panel export acts on: the one last opened, revealed or brought to the front. */
  current(): AnalyticsPanel | undefined {
    return this.lastActive;
  }

  /** "Keyscope: Refresh": every open panel loads again, keeping its range, grouping and selections. */
  reloadAll(): void {
    for (const panel of this.panels.values()) panel.reload();
  }

  get size(): number {
    return this.panels.size;
  }

  dispose(): void {
    for (const panel of [...this.panels.values()]) panel.dispose();
    this.panels.clear();
  }

  private adopt(webviewPanel: vscode.WebviewPanel, scope: PanelScope, preload = false): AnalyticsPanel {
    const panel = new AnalyticsPanel(
      webviewPanel,
      scope,
      {
        ...this.deps,
        open: async (other) => void this.open(other),
      },
      preload,
    );
    this.panels.set(panel.key, panel);
    this.lastActive = panel;
    panel.onDidBecomeActive(() => (this.lastActive = panel));
    panel.onDidDispose(() => {
      if (this.panels.get(panel.key) === panel) this.panels.delete(panel.key);
      if (this.lastActive === panel) this.lastActive = undefined;
    });
    return panel;
  }
}
