import * as vscode from 'vscode';
import { plainText } from '../text/untrusted';
import { VENDOR_IDS, VENDOR_NAMES, type VendorId } from '../vendor-id';
import { answerOnce } from './answer-once';
import { describeTarget, expected, parseFor, recognize, type LookupTarget } from './recognize';

interface TargetItem extends vscode.QuickPickItem {
  target?: LookupTarget;
  vendor?: VendorId;
}

export function lookupTitle(): string {
  return vscode.l10n.t('Keyscope: Look Up Key Usage');
}

/**
 * First step: paste a value (its vendor is recognized as you type) or pick a vendor. A vendor picked
 * with a value typed reads the value as that vendor's; picked without one, it asks for the value.
 */
export async function askTarget(initialValue = ''): Promise<LookupTarget | undefined> {
  const picked = await pickValueOrVendor(initialValue);
  if (!picked || 'kind' in picked) return picked;
  return askValue(picked.vendor);
}

function pickValueOrVendor(initialValue: string): Promise<LookupTarget | { vendor: VendorId } | undefined> {
  const pick = vscode.window.createQuickPick<TargetItem>();
  pick.title = lookupTitle();
  pick.placeholder = vscode.l10n.t('Paste a license key, key id or machine code — or pick a vendor');
  pick.ignoreFocusOut = true;
  pick.matchOnDescription = false;
  const update = (value: string): void => {
    const recognized = recognize(value);
    const items: TargetItem[] = [];
    if (recognized) {
      items.push({ label: `$(search) ${plainText(value.trim(), 120)}`, description: describeTarget(recognized), alwaysShow: true, target: recognized });
      items.push({ label: vscode.l10n.t('Or look it up as…'), kind: vscode.QuickPickItemKind.Separator });
    }
    for (const vendor of VENDOR_IDS) items.push(vendorItem(vendor, value));
    pick.items = items;
    const first = items[0];
    if (first) pick.activeItems = [first];
  };
  pick.onDidChangeValue(update);
  pick.value = initialValue;
  update(initialValue);

  return answerOnce<LookupTarget | { vendor: VendorId }>(pick, (answer) => {
    const item = pick.activeItems[0];
    if (!item) return;
    if (item.target) return answer(item.target);
    if (!item.vendor) return;
    if (pick.value.trim() === '') return answer({ vendor: item.vendor });
    const parsed = parseFor(item.vendor, pick.value);
    // Not that vendor's format: the item already says why; stay open.
    if (!('error' in parsed)) answer(parsed);
  });
}

function vendorItem(vendor: VendorId, value: string): TargetItem {
  const item: TargetItem = { label: VENDOR_NAMES[vendor], alwaysShow: true, vendor };
  if (value.trim() === '') {
    item.description = expected(vendor);
    return item;
  }
  const parsed = parseFor(vendor, value);
  item.description = 'error' in parsed ? `$(error) ${parsed.error}` : vscode.l10n.t('look it up as {0}', describeTarget(parsed));
  return item;
}

/** Second step after a vendor was picked: the value, checked as it is typed. */
function askValue(vendor: VendorId): Promise<LookupTarget | undefined> {
  const box = vscode.window.createInputBox();
  box.title = vscode.l10n.t('Keyscope: Look Up Key Usage: {0}', VENDOR_NAMES[vendor]);
  box.prompt = vscode.l10n.t('Enter {0}.', expected(vendor));
  box.ignoreFocusOut = true;
  const validate = (value: string): LookupTarget | undefined => {
    if (value.trim() === '') {
      box.validationMessage = undefined;
      return undefined;
    }
    const parsed = parseFor(vendor, value);
    if ('error' in parsed) {
      box.validationMessage = parsed.error;
      return undefined;
    }
    box.validationMessage = { message: vscode.l10n.t('Recognized: {0}.', describeTarget(parsed)), severity: vscode.InputBoxValidationSeverity.Info };
    return parsed;
  };
  box.onDidChangeValue(validate);
  return answerOnce<LookupTarget>(box, (answer) => {
    const target = validate(box.value);
    if (target) answer(target);
  });
}
