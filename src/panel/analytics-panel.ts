// One Analytics panel: a webview for one scope, its HTML (fresh nonce per render), and the message
// channel between it and the host.
import * as vscode from 'vscode';
import type { UnkeyApiVersion } from '../vendors/unkey/types';
import { firstRequests } from './first-requests';
import { Endpoint } from './protocol-endpoint';
import { describeError } from '../usage/describe-error';
import { answerRequest, initAnswer, type PanelContext } from './handler';
import { createNonce, renderPanelHtml } from './html';
import type { PanelHealthClock } from './key-status';
import type { PanelUsage } from './panel-usage';
import { hostMethods, parseWebviewMessage, PANEL_VIEW_TYPE, webviewMethods, type Result } from './protocol';
import { scopeKey, type PanelScope, type Snapshot } from './protocol-data';
import { exportSnapshot } from './save-export';
import { scopeTitle } from './scope';

export interface PanelDeps {
  extensionUri: vscode.Uri;
  usage: PanelUsage;
  log: vscode.LogOutputChannel;
  unkeyVersion(): UnkeyApiVersion;
  /** Opens or reveals the panel of another scope (a key picked in a table). */
  open(scope: PanelScope): Promise<void>;
  /** The clock and keyscope.health.expiresSoonDays for the Status column. */
  health?: PanelHealthClock;
}

/** Scripts on, nothing but media/ loadable, no command URIs. */
export function panelOptions(extensionUri: vscode.Uri): vscode.WebviewPanelOptions & vscode.WebviewOptions {
  return {
    enableScripts: true,
    enableCommandUris: false,
    enableForms: false,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'media')],
  };
}

export function createWebviewPanel(extensionUri: vscode.Uri, scope: PanelScope): vscode.WebviewPanel {
  return vscode.window.createWebviewPanel(PANEL_VIEW_TYPE, scopeTitle(scope), { viewColumn: vscode.ViewColumn.Active, preserveFocus: false }, panelOptions(extensionUri));
}

/**
 * How long a new panel's page waits for the answers to its first requests: enough for answers
 * already cached (the page then has them), short next to the workbench's own ~0.3-0.8 s to load the
 * webview's frame, so a slow vendor call delays the page by this much at most.
 */
export const PRELOAD_WAIT_MS = 250;

/** Export asked a panel that closed while it waited for the panel to draw. */
export class PanelClosedError extends Error {
  constructor() {
    super(vscode.l10n.t('the Analytics panel was closed'));
    this.name = 'PanelClosedError';
  }
}

export class AnalyticsPanel implements vscode.Disposable {
  readonly key: string;
  private readonly endpoint: Endpoint<typeof hostMethods, typeof webviewMethods>;
  private readonly subscriptions: vscode.Disposable[] = [];
  private readonly disposedEmitter = new vscode.EventEmitter<void>();
  readonly onDidDispose = this.disposedEmitter.event;
  private readonly activeEmitter = new vscode.EventEmitter<void>();
  /** Fires when this panel becomes the active editor. */
  readonly onDidBecomeActive = this.activeEmitter.event;
  private disposed = false;
  /** What the webview last said it shows. */
  private lastShown: Snapshot | undefined;
  private shownWaiters: ((snapshot: Snapshot | undefined) => void)[] = [];
  /** Aborts with the panel: its vendor calls and their retry sleeps end when it closes. */
  private readonly lifetime = new AbortController();
  /** The wait in snapshot(), cleared with the panel so no timer outlives it. */
  private snapshotTimer: ReturnType<typeof setTimeout> | undefined;
  /** The longest a new panel's page waits for its first answers (openWithPreloads). */
  private preloadTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    readonly panel: vscode.WebviewPanel,
    readonly scope: PanelScope,
    deps: PanelDeps,
    /**
     * A new panel: its webview starts with the default controls, so the host starts what it will ask
     * first now, while the webview loads, and sends the answers unasked. A restored panel's webview
     * has controls of its own: it asks.
     */
    preload = false,
  ) {
    this.key = scopeKey(scope);
    const title = scopeTitle(scope);
    const context: PanelContext = {
      scope,
      title,
      usage: deps.usage,
      unkeyVersion: deps.unkeyVersion,
      save: async (format, snapshot) => (await exportSnapshot(format, { ...snapshot, scope })) !== undefined,
      open: deps.open,
      shown: (snapshot) => {
        this.lastShown = snapshot;
        this.settleWaiters(snapshot);
      },
      signal: this.lifetime.signal,
      ...(deps.health ? { health: deps.health } : {}),
    };
    this.endpoint = new Endpoint({
      incoming: hostMethods,
      outgoing: webviewMethods,
      parse: parseWebviewMessage,
      post: (message) => void panel.webview.postMessage(message),
      answer: (request) => answerRequest(context, request),
      describe: describeError,
      warn: (text) => deps.log.warn(`Analytics panel ${this.key}: ${text}`),
    });
    panel.title = title;
    panel.iconPath = vscode.Uri.joinPath(deps.extensionUri, 'media', 'keyscope.svg');
    panel.webview.options = panelOptions(deps.extensionUri);
    this.subscriptions.push(
      panel.webview.onDidReceiveMessage((raw: unknown) => void this.endpoint.receive(raw)),
      panel.onDidChangeViewState((event) => {
        if (event.webviewPanel.active) this.activeEmitter.fire();
      }),
      panel.onDidDispose(() => this.dispose()),
    );
    const init = initAnswer(context);
    if (preload) this.openWithPreloads(deps.extensionUri, init);
    else panel.webview.html = this.html(deps.extensionUri, init, []);
  }

  reveal(): void {
    this.panel.reveal(undefined, false);
  }

  /**
   * Tells the webview to load again with its current controls (after "Keyscope: Refresh"). A hidden
   * panel's webview may be torn down and not answer: it loads afresh when shown, so nothing waits.
   */
  reload(): void {
    if (this.disposed) return;
    this.endpoint.request('reload', {}, 10_000).catch(() => undefined);
  }

  /**
   * Exactly what the panel shows, as the webview last reported it. A panel restored after a reload
   * but never shown since has reported nothing: it is brought to the front and given time to draw.
   */
  async snapshot(): Promise<Snapshot> {
    if (this.lastShown) return this.lastShown;
    if (this.disposed) throw new PanelClosedError();
    this.panel.reveal(undefined, true);
    const first = await new Promise<Snapshot | undefined>((resolve) => {
      this.shownWaiters.push(resolve);
      // One wait for every export asking meanwhile; it ends when the webview reports, or the panel closes.
      this.snapshotTimer ??= setTimeout(() => this.settleWaiters(undefined), 20_000);
    });
    if (this.disposed) throw new PanelClosedError();
    if (!first) throw new Error(vscode.l10n.t('the Analytics panel has shown nothing yet'));
    return first;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.lifetime.abort();
    clearTimeout(this.preloadTimer);
    this.settleWaiters(undefined);
    this.endpoint.dispose();
    this.disposedEmitter.fire();
    for (const subscription of this.subscriptions) subscription.dispose();
    this.disposedEmitter.dispose();
    this.activeEmitter.dispose();
    this.panel.dispose();
  }

  /**
   * A new panel: what its webview will ask first is answered now, while the webview loads. Answers
   * ready within PRELOAD_WAIT_MS go into the page (the webview then draws without a round trip); the
   * page is written then anyway, and later answers are sent as messages (if the webview asked
   * already, it uses whichever comes first; the vendor calls are shared by the usage cache).
   */
  private openWithPreloads(extensionUri: vscode.Uri, init: Result<'init'>): void {
    const ready: unknown[] = [];
    let written = false;
    const write = (): void => {
      if (written || this.disposed) return;
      written = true;
      clearTimeout(this.preloadTimer);
      this.panel.webview.html = this.html(extensionUri, init, ready);
    };
    const answers = firstRequests(this.scope, Date.now()).map((first) =>
      this.endpoint.answerAhead(first.method, first.params as never).then((answer) => {
        if (!answer) return;
        if (written) this.endpoint.sendAhead(answer);
        else ready.push(answer);
      }),
    );
    this.preloadTimer = setTimeout(write, PRELOAD_WAIT_MS);
    void Promise.all(answers).then(write);
  }

  /** Answers every export waiting in snapshot() and clears the wait's timer. */
  private settleWaiters(snapshot: Snapshot | undefined): void {
    if (this.snapshotTimer !== undefined) clearTimeout(this.snapshotTimer);
    this.snapshotTimer = undefined;
    for (const resolve of this.shownWaiters.splice(0)) resolve(snapshot);
  }

  private html(extensionUri: vscode.Uri, init: Result<'init'>, preloads: readonly unknown[]): string {
    const webview = this.panel.webview;
    const media = (file: string): string => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', file)).toString();
    return renderPanelHtml({
      cspSource: webview.cspSource,
      scriptUri: media('webview.js'),
      styleUri: media('webview.css'),
      scriptNonce: createNonce(),
      styleNonce: createNonce(),
      title: init.title,
      lang: vscode.env.language,
      ...(vscode.l10n.bundle ? { l10nBundle: vscode.l10n.bundle } : {}),
      init,
      preloads,
    });
  }
}
