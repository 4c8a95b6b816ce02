import * as vscode from 'vscode';
import { formatCount } from '../text/format';
import { scanLimitText } from '../usage/scan';
import type { UsageService } from '../usage/usage-service';
import { LOOKUP_TITLE } from './ask-target';
import { describeError } from '../usage/describe-error';

interface ProductItem extends vscode.QuickPickItem {
  productId?: number;
}

/**
 * Cryptolens finds a key string only within its product: the products (from the usage summaries)
 * are offered, those where this string has usage first; a product id may also be typed.
 */
export function pickProduct(usage: UsageService, key: string): Promise<number | undefined> {
  const pick = vscode.window.createQuickPick<ProductItem>();
  pick.title = `${LOOKUP_TITLE}: which product is ${key} in?`;
  pick.placeholder = 'Pick the product, or type its id';
  pick.ignoreFocusOut = true;
  pick.busy = true;
  let listed: ProductItem[] = [];
  const typedItem = (value: string): ProductItem[] => {
    const id = /^\s*(\d{1,10})\s*$/.exec(value)?.[1];
    if (id === undefined || Number(id) < 1 || Number(id) > 2_147_483_647 || listed.some((item) => item.productId === Number(id))) return [];
    return [{ label: `Product ${id}`, description: 'typed', alwaysShow: true, productId: Number(id) }];
  };
  pick.onDidChangeValue((value) => {
    pick.items = [...typedItem(value), ...listed];
  });
  // Closing the pick aborts the account scan when nothing else (the tree, a hover) waits for it.
  const loading = new AbortController();
  void loadProducts(usage, key, loading.signal).then(
    ({ items, placeholder }) => {
      if (loading.signal.aborted) return;
      listed = items;
      pick.items = [...typedItem(pick.value), ...listed];
      if (placeholder) pick.placeholder = placeholder;
      pick.busy = false;
    },
    (error: unknown) => {
      if (loading.signal.aborted) return;
      pick.busy = false;
      pick.placeholder = `${describeError(error)} — type the product id`;
    },
  );
  return new Promise((resolve) => {
    let settled = false;
    const finish = (productId: number | undefined): void => {
      if (settled) return;
      settled = true;
      resolve(productId);
      pick.hide();
    };
    pick.onDidAccept(() => {
      const productId = pick.activeItems[0]?.productId;
      if (productId !== undefined) finish(productId);
    });
    pick.onDidHide(() => {
      loading.abort();
      finish(undefined);
      pick.dispose();
    });
    pick.show();
  });
}

async function loadProducts(usage: UsageService, key: string, signal: AbortSignal): Promise<{ items: ProductItem[]; placeholder?: string }> {
  // Both come from the same cached scan of the account's summaries.
  const [productIds, scan] = await Promise.all([usage.productIds(signal), usage.allLicenseKeys(signal)]);
  const keyCounts = new Map<number, number>();
  const holding = new Set<number>();
  for (const summary of scan.items) {
    keyCounts.set(summary.productId, (keyCounts.get(summary.productId) ?? 0) + 1);
    if (summary.key === key) holding.add(summary.productId);
  }
  const items = productIds.map((productId) => ({
    label: `Product ${productId}`,
    description: holding.has(productId) ? 'this key has usage here' : undefined,
    detail: `${formatCount(keyCounts.get(productId) ?? 0)} keys with usage`,
    productId,
  }));
  const ordered = [...items.filter((item) => holding.has(item.productId)), ...items.filter((item) => !holding.has(item.productId))];
  // Not among the keys read is not "no usage anywhere" when a limit cut the scan short.
  if (holding.size === 0 && scan.truncated) {
    return { items: ordered, placeholder: `Not among the ${scanLimitText(scan, 'keys')} Keyscope read: pick the product, or type its id` };
  }
  return { items: ordered };
}
