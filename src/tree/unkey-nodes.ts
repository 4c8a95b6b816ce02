import * as vscode from 'vscode';
import { formatCount, formatRate, formatTime } from '../text/format';
import { plainText } from '../text/untrusted';
import { lastDays } from '../usage/recent-window';
import type { UsageService } from '../usage/usage-service';
import { OUTCOMES, type ApiKey, type OutcomeCounts, type Page, type KeyReference } from '../vendors/model';
import type { UnkeyApiVersion } from '../vendors/unkey/types';
import type { ReferencingNode } from './key-item';
import { MessageNode, settingNode } from './message-node';
import type { TreeNode } from './node';
import { PagedParentNode } from './paged-node';
import { vendorRootItem } from './vendor-root-item';
import { unkeyHealth } from '../health/unkey-health';
import { zeroOutcomes } from '../vendors/model';
import { applyHealth, defaultHealthClock, type HealthClock } from './health-item';

/** Unkey: the configured APIs → keys (with 30-day verification outcomes) → identity and tags. */
export class UnkeyRootNode implements TreeNode {
  readonly id = 'unkey' as const;
  constructor(
    private readonly usage: UsageService,
    private readonly apiIds: readonly string[],
    private readonly rejectedApiIds: readonly string[],
    private readonly version: UnkeyApiVersion,
    private readonly health: HealthClock = defaultHealthClock,
  ) {}

  toTreeItem(): vscode.TreeItem {
    const item = vendorRootItem(this.id, 'key');
    item.description = vscode.l10n.t('API {0}', this.version);
    return item;
  }

  async children(): Promise<TreeNode[]> {
    const rejected = this.rejectedApiIds.map((apiId, index) =>
      settingNode(`unkey/rejected-${index}`, vscode.l10n.t('{0}: "{1}" is not an Unkey API id (api_ followed by letters and digits)', 'keyscope.unkey.apiIds', plainText(apiId, 60)), 'keyscope.unkey.apiIds'),
    );
    if (this.apiIds.length === 0 && rejected.length > 0) return rejected;
    if (this.apiIds.length === 0) {
      // Unkey has no endpoint that lists APIs: the user names them.
      return [
        new MessageNode('unkey/no-apis', vscode.l10n.t('Add your API ids in the setting {0}', 'keyscope.unkey.apiIds'), 'gear', {
          title: vscode.l10n.t('Open Settings'),
          command: 'workbench.action.openSettings',
          arguments: ['keyscope.unkey.apiIds'],
        }),
      ];
    }
    return [...rejected, ...this.apiIds.map((apiId) => new UnkeyApiNode(this.usage, apiId, this.health))];
  }
}

export class UnkeyApiNode extends PagedParentNode<ApiKey> implements ReferencingNode {
  readonly reference: KeyReference;
  protected get emptyLabel(): string {
    return vscode.l10n.t('No keys');
  }
  private totals: ReadonlyMap<string, OutcomeCounts> | undefined;
  /** The last 24 hours per key (one query per API, for Rate limited and Elevated rejections); undefined when it failed. */
  private recent: ReadonlyMap<string, OutcomeCounts> | undefined;

  constructor(
    private readonly usage: UsageService,
    private readonly apiId: string,
    private readonly health: HealthClock = defaultHealthClock,
  ) {
    super(`unkey/${apiId}`);
    this.reference = { vendor: 'unkey', scopeId: apiId };
  }

  toTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(plainText(this.apiId), vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon('symbol-namespace');
    item.contextValue = 'unkey.api';
    return item;
  }

  protected async fetchPage(cursor: string | undefined): Promise<Page<ApiKey>> {
    // Both in parallel: one listKeys page, and one analytics query for every key of the API.
    // Health: the page's own fields, plus one last-24-hours query for the API (its failure only leaves rates unchecked).
    const [page, totals, recent] = await Promise.all([
      this.usage.unkeyKeysPage(this.apiId, cursor),
      this.usage.unkeyTotalsByKey(this.apiId),
      this.usage.unkeyRecentByKey(this.apiId).catch(() => undefined),
    ]);
    this.totals = totals;
    this.recent = recent;
    return page;
  }

  protected toNode(key: ApiKey): TreeNode {
    const recent = this.recent ? (this.recent.get(key.keyId) ?? zeroOutcomes()) : undefined;
    return new UnkeyKeyNode(this.usage, this.apiId, key, this.totals?.get(key.keyId), recent, this.health);
  }
}

export function outcomeLines(outcomes: OutcomeCounts): string[] {
  return OUTCOMES.filter((outcome) => outcomes[outcome] > 0).map((outcome) => `  ${outcome}: ${formatCount(outcomes[outcome])}`);
}

export class UnkeyKeyNode implements TreeNode, ReferencingNode {
  readonly id: string;
  readonly reference: KeyReference;

  constructor(
    private readonly usage: UsageService,
    private readonly apiId: string,
    private readonly key: ApiKey,
    private readonly outcomes: OutcomeCounts | undefined,
    private readonly last24h: OutcomeCounts | undefined = undefined,
    private readonly health: HealthClock = defaultHealthClock,
  ) {
    this.id = `unkey/${apiId}/${key.keyId}`;
    this.reference = { vendor: 'unkey', scopeId: apiId, keyId: key.keyId, ...(key.start ? { key: key.start } : {}) };
  }

  toTreeItem(): vscode.TreeItem {
    const { key, outcomes } = this;
    const label = plainText(key.name || key.start || key.keyId);
    const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    const total = outcomes?.total ?? 0;
    item.description =
      total > 0
        ? vscode.l10n.t('{0} · {1} verifications (30d) · {2} valid', plainText(key.keyId), formatCount(total), formatRate(outcomes?.valid ?? 0, total))
        : vscode.l10n.t('{0} · {1} verifications (30d)', plainText(key.keyId), formatCount(total));
    item.tooltip = [
      label,
      vscode.l10n.t('Key id: {0}', plainText(key.keyId)),
      ...(key.start ? [vscode.l10n.t('Starts with: {0}', plainText(key.start))] : []),
      key.enabled ? vscode.l10n.t('Enabled: yes') : vscode.l10n.t('Enabled: no'),
      ...(key.expiresAt !== undefined ? [vscode.l10n.t('Expires: {0}', formatTime(key.expiresAt))] : []),
      vscode.l10n.t('Verifications, last 30 days: {0}', formatCount(total)),
      ...(outcomes ? outcomeLines(outcomes) : []),
    ].join('\n');
    item.iconPath = new vscode.ThemeIcon(key.enabled ? 'key' : 'circle-slash');
    applyHealth(item, unkeyHealth(this.last24h ? { key, last24h: this.last24h } : { key }, this.health()));
    item.contextValue = 'unkey.key';
    return item;
  }

  async children(): Promise<TreeNode[]> {
    const nodes: TreeNode[] = [];
    const identity = this.key.identity;
    if (identity) {
      nodes.push(new MessageNode(`${this.id}/identity`, vscode.l10n.t('Identity {0}', plainText(identity.externalId)), 'person', undefined, vscode.l10n.t('Identity id: {0}', plainText(identity.id))));
    }
    const tags = await this.usage.unkeyVerifications({ apiId: this.apiId, keyIds: [this.key.keyId], ...lastDays(30), groupBy: ['tag'] });
    for (const row of tags) {
      if (row.tag === undefined) continue;
      nodes.push(new MessageNode(`${this.id}/tag/${row.tag}`, vscode.l10n.t('Tag {0}', plainText(row.tag)), 'tag', undefined, vscode.l10n.t('{0} verifications (30d)', formatCount(row.outcomes.total))));
    }
    if (nodes.length === 0) nodes.push(new MessageNode(`${this.id}/none`, vscode.l10n.t('No identity or tags'), 'info'));
    return nodes;
  }
}
