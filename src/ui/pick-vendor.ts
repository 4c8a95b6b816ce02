// The vendor QuickPick that commands and the panel both ask with.
import * as vscode from 'vscode';
import { VENDOR_IDS, VENDOR_NAMES, type VendorId } from '../vendor-id';

function detail(vendor: VendorId): string {
  switch (vendor) {
    case 'cryptolens':
      return vscode.l10n.t('License keys and devices (access token with Usage Analytics permission)');
    case 'unkey':
      return vscode.l10n.t('API keys and verification outcomes (root key with read_analytics / read_key)');
    case 'runtype':
      return vscode.l10n.t('API keys and their activity (API key)');
  }
}

/** Asks which vendor; `among` narrows the list (e.g. to vendors that have a token). */
export async function pickVendor(placeHolder: string, among: readonly VendorId[] = VENDOR_IDS): Promise<VendorId | undefined> {
  const items = among.map((vendor) => ({ label: VENDOR_NAMES[vendor], detail: detail(vendor), vendor }));
  const picked = await vscode.window.showQuickPick(items, { placeHolder, ignoreFocusOut: true });
  return picked?.vendor;
}
