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
        const item = new vscode.TreeItem(`${formatCount(summary.totalKeys)} keys`, vscode.TreeItemCollapsibleState.None);
        item.id = 'runtype/totals';
        item.description = `${formatCount(summary.activeKeys)} active · ${formatCount(summary.expiredKeys)} expired`;
        item.tooltip = `As of ${formatTime(summary.asOf)}`;
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
    const state = key.enabled ? 'active' : expired ? 'expired' : 'inactive';
    const label = plainText(key.name || key.start || key.keyId);
    const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.description = `${plainText(key.start ?? '')} · ${state} · last used ${formatTime(key.lastUsedAt)}`;
    item.tooltip = [
      label,
      `Id: ${plainText(key.keyId)}`,
      ...(key.start ? [`Prefix: ${plainText(key.start)}`] : []),
      `State: ${state}`,
      `Last used: ${formatTime(key.lastUsedAt)}`,
      ...(key.expiresAt !== undefined ? [`Expires: ${formatTime(key.expiresAt)}`] : []),
    ].join('\n');
    item.iconPath = new vscode.ThemeIcon(key.enabled ? 'key' : 'circle-slash');
    // From the key list already loaded: no request of its own.
    applyHealth(item, runtypeHealth(key, this.health()));
    item.contextValue = 'runtype.key';
    return item;
  }
}
