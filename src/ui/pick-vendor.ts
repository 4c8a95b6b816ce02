// The vendor QuickPick that commands and the panel both ask with.
import * as vscode from 'vscode';
import { VENDOR_IDS, VENDOR_NAMES, type VendorId } from '../vendor-id';

const DETAILS: Readonly<Record<VendorId, string>> = {
  cryptolens: 'License keys and devices (access token with Usage Analytics permission)',
  unkey: 'API keys and verification outcomes (root key with read_analytics / read_key)',
  runtype: 'API keys and their activity (API key)',
};

/** Asks which vendor; `among` narrows the list (e.g. to vendors that have a token). */
export async function pickVendor(placeHolder: string, among: readonly VendorId[] = VENDOR_IDS): Promise<VendorId | undefined> {
  const items = among.map((vendor) => ({ label: VENDOR_NAMES[vendor], detail: DETAILS[vendor], vendor }));
  const picked = await vscode.window.showQuickPick(items, { placeHolder, ignoreFocusOut: true });
  return picked?.vendor;
}
