import type { KeyscopeConfig } from '../config';
import { askTarget } from '../lookup/ask-target';
import { pickProduct } from '../lookup/pick-product';
import type { LookupTarget } from '../lookup/recognize';
import type { ResolvableTarget } from '../lookup/resolve';
import { showLookupResult } from '../lookup/result-pick';
import { fromArgument } from '../lookup/targets';
import type { UsageService } from '../usage/usage-service';
import { keyIdAtCursor } from '../ui/cursor-key-id';

/**
 * `keyscope.lookupKey` "Look Up Key Usage…": from the palette (asks), a tree node's context menu
 * (its `.reference`), or with a string (recognized; asked for when it is not a known format).
 */
export async function lookupKey(usage: UsageService, config: () => KeyscopeConfig, arg?: unknown): Promise<void> {
  let next: ResolvableTarget | LookupTarget | undefined = fromArgument(arg);
  let initialValue = typeof arg === 'string' && next === undefined ? arg : '';
  for (;;) {
    const target = next ?? (await askTarget(initialValue));
    if (!target) return;
    const resolvable = await withProduct(usage, target);
    if (!resolvable) return;
    if ((await showLookupResult(usage, config(), resolvable)) !== 'again') return;
    next = undefined;
    initialValue = '';
  }
}

/** A key string needs its product: from the reference when there is one, else a second pick. */
async function withProduct(usage: UsageService, target: ResolvableTarget | LookupTarget): Promise<ResolvableTarget | undefined> {
  if (target.vendor !== 'cryptolens' || target.kind !== 'key' || 'productId' in target) return target;
  const productId = await pickProduct(usage, target.key);
  return productId === undefined ? undefined : { ...target, productId };
}

/**
 * `keyscope.lookupKeyAtCursor` "Look Up Key at Cursor" (editor context menu): the id under the cursor,
 * found as hovers find it; with none there, the same question as "Look Up Key Usage…".
 */
export function lookupKeyAtCursor(usage: UsageService, config: () => KeyscopeConfig): Promise<void> {
  return lookupKey(usage, config, keyIdAtCursor());
}
