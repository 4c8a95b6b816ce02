import * as vscode from 'vscode';
import { formatCount } from '../text/format';
import type { UsageService } from '../usage/usage-service';
import { answerOnce } from './answer-once';
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
  void loadProducts(usage, key).then(
    (items) => {
      listed = items;
      pick.items = [...typedItem(pick.value), ...listed];
      pick.busy = false;
    },
    (error: unknown) => {
      pick.busy = false;
      pick.placeholder = `${describeError(error)} — type the product id`;
    },
  );
  return answerOnce<number>(pick, (answer) => {
    const productId = pick.activeItems[0]?.productId;
    if (productId !== undefined) answer(productId);
  });
}

async function loadProducts(usage: UsageService, key: string): Promise<ProductItem[]> {
  // Both come from the same cached scan of the account's summaries.
  const [products, summaries] = await Promise.all([usage.productsWithCounts(), usage.allLicenseKeys()]);
  const holding = new Set(summaries.filter((summary) => summary.key === key).map((summary) => summary.productId));
  const items = products.map(({ productId, keyCount }) => ({
    label: `Product ${productId}`,
    description: holding.has(productId) ? 'this key has usage here' : undefined,
    detail: `${formatCount(keyCount)} keys with usage`,
    productId,
  }));
  return [...items.filter((item) => holding.has(item.productId)), ...items.filter((item) => !holding.has(item.productId))];
}
