import * as vscode from 'vscode';
import { isVendorId, VENDOR_NAMES } from '../vendor-id';
import type { TokenStore } from '../secrets';
import { pickVendor } from '../ui/pick-vendor';

/** `keyscope.removeToken`: forgets one vendor's token (optionally given as the argument). */
export async function removeToken(tokens: TokenStore, vendorArg?: unknown): Promise<boolean> {
  const stored = await tokens.vendorsWithTokens();
  if (stored.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Keyscope: no access token is stored.'));
    return false;
  }
  const vendor = isVendorId(vendorArg) ? vendorArg : await pickVendor(vscode.l10n.t('Remove the token of which vendor?'), stored);
  if (!vendor || !stored.includes(vendor)) return false;
  await tokens.delete(vendor);
  void vscode.window.showInformationMessage(vscode.l10n.t('Keyscope: {0} token removed.', VENDOR_NAMES[vendor]));
  return true;
}
