import * as vscode from 'vscode';
import { formatCount, formatRate, formatTime } from '../text/format';
import { plainText } from '../text/untrusted';
import { scanLimitText, type Scan } from '../usage/scan';
import { deletedKeyTitle } from '../usage/key-facts';
import type { UsageService } from '../usage/usage-service';
import type { DeviceUsage, KeyReference, LicenseKeySummary, Page } from '../vendors/model';
import type { ReferencingNode } from './key-item';
import { MessageNode } from './message-node';
import type { TreeNode } from './node';
import { vendorRootItem } from './vendor-root-item';
import { PagedParentNode } from './paged-node';
import { cryptolensListedHealth } from '../usage/key-health';
import type { LicenseKeyDetails } from '../vendors/license-key';
import type { KeyHealth } from '../health/status';
import { applyHealth, defaultHealthClock, type HealthClock } from './health-item';

/** Cryptolens: products → license keys → devices. */
export class CryptolensRootNode implements TreeNode {
  readonly id = 'cryptolens' as const;
  constructor(
    private readonly usage: UsageService,
    private readonly health: HealthClock = defaultHealthClock,
  ) {}

  toTreeItem(): vscode.TreeItem {
    return vendorRootItem(this.id, 'shield');
  }

  async children(): Promise<TreeNode[]> {
    const scan = await this.usage.productsWithCounts();
    const products: TreeNode[] = scan.items.map(({ productId, keyCount }) => new ProductNode(this.usage, productId, keyCount, scan.truncated, this.health));
    return scan.truncated ? [...products, partialScanNode(scan)] : products;
  }
}

/** Says the product list comes from the first N keys only, and opens the setting that raises N. */
function partialScanNode(scan: Scan<unknown>): MessageNode {
  const label = vscode.l10n.t('Products of the {0}', scanLimitText(scan, 'keys'));
  return new MessageNode(
    'cryptolens/partial',
    label,
    'info',
    { title: vscode.l10n.t('Open Settings'), command: 'workbench.action.openSettings', arguments: ['keyscope.cryptolens.maxScanKeys'] },
    vscode.l10n.t("{0}: Keyscope stops reading the account's key summaries there ({1}). A product's own list still pages through all its keys.", label, 'keyscope.cryptolens.maxScanKeys'),
  );
}

export class ProductNode extends PagedParentNode<LicenseKeySummary> implements ReferencingNode {
  readonly reference: KeyReference;
  protected get emptyLabel(): string {
    return vscode.l10n.t('No license keys with usage');
  }

  constructor(
    private readonly usage: UsageService,
    private readonly productId: number,
    private readonly keyCount: number,
    /** The count comes from a scan the limit cut short: the product may have more. */
    private readonly atLeast = false,
    private readonly health: HealthClock = defaultHealthClock,
  ) {
    super(`cryptolens/${productId}`);
    this.reference = { vendor: 'cryptolens', scopeId: String(productId) };
  }

  toTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(vscode.l10n.t('Product {0}', this.productId), vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.description = vscode.l10n.t('{0} keys', `${formatCount(this.keyCount)}${this.atLeast ? '+' : ''}`);
    item.iconPath = new vscode.ThemeIcon('package');
    item.contextValue = 'cryptolens.product';
    return item;
  }

  /** The product's keys from product/GetKeys (⌈N/99⌉ requests per cache lifetime); undefined without GetKeys. */
  private licenses: ReadonlyMap<number, LicenseKeyDetails> | undefined;

  protected async fetchPage(cursor: string | undefined): Promise<Page<LicenseKeySummary>> {
    const [page, licenses] = await Promise.all([
      this.usage.licenseKeysPage(this.productId, cursor),
      // Health only: failing (or lacking the permission) leaves rows as they were.
      this.usage.productLicenseKeys(this.productId).catch(() => undefined),
    ]);
    this.licenses = licenses;
    return page;
  }

  protected toNode(summary: LicenseKeySummary): TreeNode {
    const health = this.licenses || !summary.key ? cryptolensListedHealth(summary, this.licenses?.get(summary.licenseKeyId), this.health()) : undefined;
    return new LicenseKeyNode(this.usage, summary, health);
  }
}

export function licenseKeyLabel(summary: LicenseKeySummary): string {
  return summary.key ? plainText(summary.key) : deletedKeyTitle(summary.licenseKeyId);
}

export function licenseKeyTooltip(summary: LicenseKeySummary): string {
  const lines = [
    licenseKeyLabel(summary),
    vscode.l10n.t('Product {0} · key id {1}', summary.productId, summary.licenseKeyId),
    vscode.l10n.t('Requests: {0} ({1} successful, {2} failed)', formatCount(summary.totalRequests), formatCount(summary.successful), formatCount(summary.failed)),
    vscode.l10n.t('Success rate: {0}', formatRate(summary.successful, summary.totalRequests)),
    vscode.l10n.t('First seen: {0}', formatTime(summary.firstSeen)),
    vscode.l10n.t('Last seen: {0}', formatTime(summary.lastSeen)),
    ...Object.entries(summary.counters).map(([name, value]) => `${name}: ${formatCount(value)}`),
  ];
  return lines.join('\n');
}

export class LicenseKeyNode extends PagedParentNode<DeviceUsage> implements ReferencingNode {
  readonly reference: KeyReference;
  protected get emptyLabel(): string {
    return vscode.l10n.t('No devices');
  }

  constructor(
    private readonly usage: UsageService,
    private readonly summary: LicenseKeySummary,
    private readonly health: KeyHealth | undefined = undefined,
  ) {
    super(`cryptolens/${summary.productId}/${summary.licenseKeyId}`);
    this.reference = {
      vendor: 'cryptolens',
      scopeId: String(summary.productId),
      keyId: String(summary.licenseKeyId),
      ...(summary.key ? { key: summary.key } : {}),
    };
  }

  toTreeItem(): vscode.TreeItem {
    const { summary } = this;
    const item = new vscode.TreeItem(licenseKeyLabel(summary), vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.description = vscode.l10n.t('{0} requests · {1} ok', formatCount(summary.totalRequests), formatRate(summary.successful, summary.totalRequests));
    item.tooltip = licenseKeyTooltip(summary);
    item.iconPath = new vscode.ThemeIcon(summary.key ? 'key' : 'circle-slash');
    applyHealth(item, this.health);
    item.contextValue = summary.key ? 'cryptolens.key' : 'cryptolens.deletedKey';
    return item;
  }

  protected fetchPage(cursor: string | undefined): Promise<Page<DeviceUsage>> {
    return this.usage.devicesPage(this.summary.productId, this.summary.licenseKeyId, cursor);
  }

  protected toNode(device: DeviceUsage): TreeNode {
    return new DeviceNode(this.id, device);
  }
}

export class DeviceNode implements TreeNode, ReferencingNode {
  readonly id: string;
  /** Open Analytics on a device: its key's panel with the events of this machine code (issue 14). */
  readonly reference: KeyReference;
  constructor(
    parentId: string,
    private readonly device: DeviceUsage,
  ) {
    this.id = `${parentId}/${device.deviceId}`;
    this.reference = {
      vendor: 'cryptolens',
      scopeId: String(device.productId),
      keyId: device.keyId,
      ...(device.key ? { key: device.key } : {}),
      machineCode: device.machineCode,
    };
  }

  toTreeItem(): vscode.TreeItem {
    const { device } = this;
    const item = new vscode.TreeItem(plainText(device.machineCode, 80), vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.description = vscode.l10n.t('{0} requests · last {1}', formatCount(device.totalRequests), formatTime(device.lastSeen));
    item.tooltip = [
      vscode.l10n.t('Machine code: {0}', plainText(device.machineCode, 256)),
      vscode.l10n.t('Requests: {0}', formatCount(device.totalRequests)),
      vscode.l10n.t('First seen: {0}', formatTime(device.firstSeen)),
      vscode.l10n.t('Last seen: {0}', formatTime(device.lastSeen)),
    ].join('\n');
    item.iconPath = new vscode.ThemeIcon('device-desktop');
    item.contextValue = 'cryptolens.device';
    return item;
  }
}
