import * as vscode from 'vscode';
import type { KeyscopeConfig } from '../config';
import type { TokenStore } from '../secrets';
import type { UsageService } from '../usage/usage-service';
import { VendorStatus } from '../usage/vendor-status';
import type { VendorId } from '../vendor-id';

export const STATUS_BAR_ID = 'keyscope.status';

/**
 * The status bar item: which vendors are connected, and whether any is rate limited or failing
 * (the latest call of each, told by the usage service). Hidden while no token is set or when
 * keyscope.statusBar.enabled is off; a click opens the Keys view.
 */
export class KeyscopeStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem(STATUS_BAR_ID, vscode.StatusBarAlignment.Left, 50);
  private readonly status = new VendorStatus();
  private readonly subscriptions: Array<{ dispose(): void }> = [];
  private connected: VendorId[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private disposed = false;

  constructor(
    private readonly tokens: TokenStore,
    usage: UsageService,
    private readonly config: () => KeyscopeConfig,
    private readonly now: () => number = Date.now,
  ) {
    this.item.name = vscode.l10n.t('Keyscope');
    this.item.command = 'keyscope.keys.focus';
    this.subscriptions.push(
      usage.onDidSettle((settled) => {
        this.status.settled(settled);
        this.render();
      }),
      tokens.onDidChange((vendor) => {
        this.status.forget(vendor);
        void this.reloadTokens();
      }),
    );
    void this.reloadTokens();
  }

  /** Settings changed (keyscope.statusBar.enabled): show or hide. */
  update(): void {
    this.render();
  }

  private async reloadTokens(): Promise<void> {
    const connected = await this.tokens.vendorsWithTokens();
    if (this.disposed) return;
    this.connected = connected;
    this.render();
  }

  private render(): void {
    if (this.disposed) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (!this.config().statusBarEnabled || this.connected.length === 0) {
      this.item.hide();
      return;
    }
    const now = this.now();
    const { warning, lines } = this.status.summary(this.connected, now);
    this.item.text = warning ? vscode.l10n.t('$(warning) Keyscope') : vscode.l10n.t('$(key) Keyscope');
    this.item.backgroundColor = warning ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    this.item.tooltip = [vscode.l10n.t('Keyscope'), ...lines].join('\n');
    this.item.accessibilityInformation = { label: warning ? vscode.l10n.t('Keyscope, needs attention: {0}', lines.join('; ')) : vscode.l10n.t('Keyscope: {0}', lines.join('; ')) };
    this.item.show();
    // A cooldown ends by itself: redraw then.
    const end = this.status.nextCooldownEnd(now);
    if (end !== undefined) this.timer = setTimeout(() => this.render(), Math.min(end - now + 50, 2 ** 31 - 1));
  }

  dispose(): void {
    this.disposed = true;
    if (this.timer) clearTimeout(this.timer);
    for (const subscription of this.subscriptions) subscription.dispose();
    this.item.dispose();
  }
}
