// Says once per window and vendor which token permission would add key status, when the usage
// service finds the token lacks it (the surfaces then show usage as before, with no status word).
import * as vscode from 'vscode';
import type { UsageService } from '../usage/usage-service';
import { VENDOR_NAMES, type VendorId } from '../vendor-id';
import { plainText } from '../text/untrusted';

export function missingPermissionMessage(vendor: VendorId, permission: string): string {
  const what = vendor === 'cryptolens' ? 'license keys' : 'keys';
  return `${VENDOR_NAMES[vendor]}: your token lacks the ${plainText(permission, 80)} permission, so Keyscope shows ${what} without their status (Expired, Blocked, …). Add ${plainText(permission, 80)} to the token to see it.`;
}

export function registerMissingPermissionNotice(usage: UsageService): vscode.Disposable {
  const told = new Set<VendorId>();
  const unsubscribe = usage.onMissingPermission((vendor, permission) => {
    if (told.has(vendor)) return;
    told.add(vendor);
    void vscode.window.showInformationMessage(missingPermissionMessage(vendor, permission));
  });
  return new vscode.Disposable(unsubscribe);
}
