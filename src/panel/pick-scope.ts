// Turns what `keyscope.openAnalytics` was given into a panel scope, asking with QuickPicks for
// whatever is missing: the vendor, then the product (Cryptolens) or API (Unkey).
import * as vscode from 'vscode';
import { pickVendor } from '../ui/pick-vendor';
import { formatCount } from '../text/format';
import { plainText } from '../text/untrusted';
import type { PanelUsage } from './panel-usage';
import type { PanelScope } from './protocol-data';
import { numericId, type ScopeRequest } from './scope';

export async function resolveScope(usage: PanelUsage, apiIds: readonly string[], request: ScopeRequest | undefined): Promise<PanelScope | undefined> {
  const vendor = request?.vendor ?? (await pickVendor(vscode.l10n.t('Open analytics for which vendor?')));
  switch (vendor) {
    case undefined:
      return undefined;
    case 'cryptolens': {
      const keyId = numericId(request?.keyId);
      const productId = numericId(request?.scopeId) ?? (keyId !== undefined ? await productOfKey(usage, keyId) : await pickProduct(usage));
      if (productId === undefined) return undefined;
      // A device is a device of its key: without the key the machine code is dropped.
      const machineCode = keyId !== undefined ? request?.machineCode : undefined;
      return { vendor, productId, ...(keyId !== undefined ? { keyId } : {}), ...(machineCode !== undefined ? { machineCode } : {}) };
    }
    case 'unkey': {
      const apiId = request?.scopeId ?? (await pickApi(apiIds));
      if (apiId === undefined) return undefined;
      return { vendor, apiId, ...(request?.keyId !== undefined ? { keyId: request.keyId } : {}) };
    }
    case 'runtype':
      return { vendor, ...(request?.keyId !== undefined ? { keyId: request.keyId } : {}) };
  }
}

/** A lookup may know a Cryptolens key id without its product: the summaries say which it is. */
async function productOfKey(usage: PanelUsage, keyId: number): Promise<number | undefined> {
  const keys = await usage.allLicenseKeys();
  return keys.items.find((key) => key.licenseKeyId === keyId)?.productId ?? pickProduct(usage);
}

async function pickProduct(usage: PanelUsage): Promise<number | undefined> {
  // Dismissing the pick before the products are in aborts the scan, unless the tree waits for it too.
  const loading = new AbortController();
  const items = usage
    .productsWithCounts(loading.signal)
    .then((products) => products.items.map(({ productId, keyCount }) => ({ label: vscode.l10n.t('Product {0}', productId), description: vscode.l10n.t('{0} keys with usage', formatCount(keyCount)), productId })));
  try {
    const picked = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Keyscope: Open Analytics'), placeHolder: vscode.l10n.t('Which Cryptolens product?'), ignoreFocusOut: true });
    return picked?.productId;
  } finally {
    loading.abort();
  }
}

async function pickApi(apiIds: readonly string[]): Promise<string | undefined> {
  if (apiIds.length === 0) {
    const choice = await vscode.window.showInformationMessage(vscode.l10n.t('Keyscope: add your Unkey API ids in the setting {0} first.', 'keyscope.unkey.apiIds'), vscode.l10n.t('Open Settings'));
    if (choice) await vscode.commands.executeCommand('workbench.action.openSettings', 'keyscope.unkey.apiIds');
    return undefined;
  }
  if (apiIds.length === 1) return apiIds[0];
  const picked = await vscode.window.showQuickPick(
    apiIds.map((apiId) => ({ label: plainText(apiId), apiId })),
    { title: vscode.l10n.t('Keyscope: Open Analytics'), placeHolder: vscode.l10n.t('Which Unkey API?'), ignoreFocusOut: true },
  );
  return picked?.apiId;
}
