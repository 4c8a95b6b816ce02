import * as vscode from 'vscode';
import { isVendorId, VENDOR_NAMES } from '../vendor-id';
import type { TokenStore } from '../secrets';
import { pickVendor } from '../ui/pick-vendor';

/** `keyscope.removeToken`: forgets one vendor's token (optionally given as the argument). */
export async function removeToken(tokens: TokenStore, vendorArg?: unknown): Promise<boolean> {
  const stored = await tokens.vendorsWithTokens();
  if (stored.length === 0) {
    void vscode.window.showInformationMessage('Keyscope: no access token is stored.');
    return false;
  }
  const vendor = isVendorId(vendorArg) ? vendorArg : await pickVendor('Remove the token of which vendor?', stored);
  if (!vendor || !stored.includes(vendor)) return false;
  await tokens.delete(vendor);
  void vscode.window.showInformationMessage(`Keyscope: ${VENDOR_NAMES[vendor]} token removed.`);
  return true;
}
