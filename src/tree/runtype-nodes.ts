import * as vscode from 'vscode';
import { formatCount, formatTime } from '../text/format';
import { plainText } from '../text/untrusted';
import type { UsageService } from '../usage/usage-service';
import type { ApiKey, KeyReference } from '../vendors/model';
import type { ReferencingNode } from './key-item';
import type { TreeNode } from './node';
import { vendorRootItem } from './vendor-root-item';
import { runtypeHealth } from '../health/runtype-health';
import { applyHealth, defaultHealthClock, type HealthClock } from './health-item';

/** Runtype: totals, then every key with its state and last use. */
export class RuntypeRootNode implements TreeNode {
  readonly id = 'runtype' as const;
  constructor(
    private readonly usage: UsageService,
    private readonly health: HealthClock = defaultHealthClock,
  ) {}

  toTreeItem(): vscode.TreeItem {
    return vendorRootItem(this.id, 'rocket');
  }

  async children(): Promise<TreeNode[]> {
    // The analytics give the totals; the key list gives each key's expiry, which the breakdown lacks.
    const [summary, keys] = await Promise.all([this.usage.runtypeSummary(), this.usage.runtypeKeys()]);
    const totals: TreeNode = {
      id: 'runtype/totals',
      toTreeItem: () => {
        const item = new vscode.TreeItem(vscode.l10n.t('{0} keys', formatCount(summary.totalKeys)), vscode.TreeItemCollapsibleState.None);
        item.id = 'runtype/totals';
        item.description = vscode.l10n.t('{0} active · {1} expired', formatCount(summary.activeKeys), formatCount(summary.expiredKeys));
        item.tooltip = vscode.l10n.t('As of {0}', formatTime(summary.asOf));
        item.iconPath = new vscode.ThemeIcon('graph');
        return item;
      },
    };
    return [totals, ...keys.map((key) => new RuntypeKeyNode(key, summary.asOf, this.health))];
  }
}

export class RuntypeKeyNode implements TreeNode, ReferencingNode {
  readonly id: string;
  readonly reference: KeyReference;

  constructor(
    private readonly key: ApiKey,
    private readonly asOf: number,
    private readonly health: HealthClock = defaultHealthClock,
  ) {
    this.id = `runtype/${key.keyId}`;
    this.reference = { vendor: 'runtype', keyId: key.keyId, ...(key.start ? { key: key.start } : {}) };
  }

  toTreeItem(): vscode.TreeItem {
    const { key } = this;
    const expired = key.expiresAt !== undefined && key.expiresAt <= this.asOf;
    const state = key.enabled ? vscode.l10n.t('active') : expired ? vscode.l10n.t('expired') : vscode.l10n.t('inactive');
    const label = plainText(key.name || key.start || key.keyId);
    const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.description = vscode.l10n.t('{0} · {1} · last used {2}', plainText(key.start ?? ''), state, formatTime(key.lastUsedAt));
    item.tooltip = [
      label,
      vscode.l10n.t('Id: {0}', plainText(key.keyId)),
      ...(key.start ? [vscode.l10n.t('Prefix: {0}', plainText(key.start))] : []),
      vscode.l10n.t('State: {0}', state),
      vscode.l10n.t('Last used: {0}', formatTime(key.lastUsedAt)),
      ...(key.expiresAt !== undefined ? [vscode.l10n.t('Expires: {0}', formatTime(key.expiresAt))] : []),
    ].join('\n');
    item.iconPath = new vscode.ThemeIcon(key.enabled ? 'key' : 'circle-slash');
    // From the key list already loaded: no request of its own.
    applyHealth(item, runtypeHealth(key, this.health()));
    item.contextValue = 'runtype.key';
    return item;
  }
}
