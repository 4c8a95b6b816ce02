import * as vscode from 'vscode';
import { formatCount } from '../text/format';
import { scanLimitText } from '../usage/scan';
import type { UsageService } from '../usage/usage-service';
import { answerOnce } from './answer-once';
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
  pick.title = vscode.l10n.t('Keyscope: Look Up Key Usage: which product is {0} in?', key);
  pick.placeholder = vscode.l10n.t('Pick the product, or type its id');
  pick.ignoreFocusOut = true;
  pick.busy = true;
  let listed: ProductItem[] = [];
  const typedItem = (value: string): ProductItem[] => {
    const id = /^\s*(\d{1,10})\s*$/.exec(value)?.[1];
    if (id === undefined || Number(id) < 1 || Number(id) > 2_147_483_647 || listed.some((item) => item.productId === Number(id))) return [];
    return [{ label: vscode.l10n.t('Product {0}', id), description: vscode.l10n.t('typed'), alwaysShow: true, productId: Number(id) }];
  };
  pick.onDidChangeValue((value) => {
    pick.items = [...typedItem(value), ...listed];
  });
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
      pick.placeholder = vscode.l10n.t('{0} — type the product id', describeError(error));
    },
  );
  // Closing the pick aborts the account scan when nothing else (the tree, a hover) waits for it.
  pick.onDidHide(() => loading.abort());
  return answerOnce<number>(pick, (answer) => {
    const productId = pick.activeItems[0]?.productId;
    if (productId !== undefined) answer(productId);
  });
}

async function loadProducts(usage: UsageService, key: string, signal: AbortSignal): Promise<{ items: ProductItem[]; placeholder?: string }> {
  // Both come from the same cached scan of the account's summaries.
  const [products, keys] = await Promise.all([usage.productsWithCounts(signal), usage.allLicenseKeys(signal)]);
  const holding = new Set(keys.items.filter((summary) => summary.key === key).map((summary) => summary.productId));
  const items = products.items.map(({ productId, keyCount }) => ({
    label: vscode.l10n.t('Product {0}', productId),
    description: holding.has(productId) ? vscode.l10n.t('this key has usage here') : undefined,
    detail: vscode.l10n.t('{0} keys with usage', formatCount(keyCount)),
    productId,
  }));
  const ordered = [...items.filter((item) => holding.has(item.productId)), ...items.filter((item) => !holding.has(item.productId))];
  // Not among the keys read is not "no usage anywhere" when a limit cut the scan short.
  if (holding.size === 0 && keys.truncated) {
    return { items: ordered, placeholder: vscode.l10n.t('Not among the {0} Keyscope read: pick the product, or type its id', scanLimitText(keys, 'keys')) };
  }
  return { items: ordered };
}
